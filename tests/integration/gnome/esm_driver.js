/* Tests only: runs the ES-module form of wellbeing's extension in plain gjs.
 *
 * GNOME Shell 45+ is not available on the test machines, so this drives the
 * very module a GNOME 45+ shell would load, with real Gio/GLib (and so a real
 * export on the session bus), while `global.display`, its windows and
 * Shell.WindowTracker are small fakes (stub_shell.js). Commands on stdin, one
 * per line: "focus A|B|none", "title TEXT" (retitles B), "quit". Each answers
 * "done" on stdout; "quit" answers "disabled N" with the number of signal
 * handlers still connected (0 when disable() cleaned up).
 */
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import WellbeingFocusExtension from './extension.js';

let nextId = 1;

function signals() {
    const handlers = new Map();
    return {
        connect(name, callback) {
            const id = nextId++;
            handlers.set(id, [name, callback]);
            return id;
        },
        disconnect(id) {
            handlers.delete(id);
        },
        emit(name) {
            for (const [signal, callback] of [...handlers.values()]) {
                if (signal === name)
                    callback();
            }
        },
        count() {
            return handlers.size;
        },
    };
}

function makeWindow(wmClass, title, pid, desktopId) {
    const window = signals();
    window.title = title;
    window.get_wm_class = () => wmClass;
    window.get_title = () => window.title;
    window.get_pid = () => pid;
    window.get_gtk_application_id = () => null;
    window.get_sandboxed_app_id = () => null;
    window.app = desktopId
        ? {get_id: () => `${desktopId}.desktop`, is_window_backed: () => false}
        : {get_id: () => 'window:7', is_window_backed: () => true};
    return window;
}

const windows = {
    A: makeWindow('org.example.A', 'Title A', 4242, 'org.example.A'),
    B: makeWindow('org.example.B', 'Title B', 4343, null),
};
const display = signals();
display.focus_window = null;
globalThis.global = {display};

const extension = new WellbeingFocusExtension({uuid: 'focus@wellbeing.github.io'});
extension.enable();
print('enabled');

const loop = new GLib.MainLoop(null, false);
const input = new Gio.DataInputStream({
    base_stream: new Gio.UnixInputStream({fd: 0, close_fd: false}),
});

function handle(line) {
    const [command, ...rest] = line.split(' ');
    const arg = rest.join(' ');
    if (command === 'focus') {
        display.focus_window = arg === 'none' ? null : windows[arg];
        display.emit('notify::focus-window');
    } else if (command === 'title') {
        windows.B.title = arg;
        windows.B.emit('notify::title');
    }
}

function next() {
    input.read_line_async(GLib.PRIORITY_DEFAULT, null, (stream, result) => {
        const [line] = stream.read_line_finish_utf8(result);
        if (line === null || line === 'quit') {
            extension.disable();
            const left = display.count() + windows.A.count() + windows.B.count();
            print(`disabled ${left}`);
            loop.quit();
            return;
        }
        handle(line);
        print('done');
        next();
    });
}

next();
loop.run();
