/* wellbeing focus reporter, ES-module form for GNOME Shell 45 and later (GPL-3.0-or-later).
 *
 * Tells programs of this session which window has the keyboard focus, so that
 * wellbeing can count time per app on Wayland, where nothing else may ask.
 * It owns io.github.wellbeing.Focus on the session bus and exports exactly one
 * read-only interface: Get() and the Changed signal (sent at once on every
 * focus change and on every title change of the focused window). Nothing can
 * be sent to the shell through it. The legacy copy for GNOME 42-44 in
 * ../../legacy/ has the same body between the BEGIN and END lines.
 */
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Shell from 'gi://Shell';
import {Extension} from 'resource:///org/gnome/shell/extensions/extension.js';

// BEGIN shared body (tests/unit/platform/test_gnome_extension_files.py keeps both copies equal)
const BUS_NAME = 'io.github.wellbeing.Focus';
const OBJECT_PATH = '/io/github/wellbeing/Focus';
const FOCUS_XML = `<node>
  <interface name="io.github.wellbeing.Focus">
    <method name="Get">
      <arg type="s" direction="out" name="app_id"/>
      <arg type="s" direction="out" name="wm_class"/>
      <arg type="s" direction="out" name="title"/>
      <arg type="u" direction="out" name="pid"/>
    </method>
    <signal name="Changed">
      <arg type="s" name="app_id"/>
      <arg type="s" name="wm_class"/>
      <arg type="s" name="title"/>
      <arg type="u" name="pid"/>
    </signal>
  </interface>
</node>`;

/** [app_id, wm_class, title, pid] of a window; empty strings and 0 for none. */
function describe(window) {
    if (!window)
        return ['', '', '', 0];
    const app = Shell.WindowTracker.get_default().get_window_app(window);
    let appId = app && !app.is_window_backed() ? app.get_id() || '' : '';
    appId = appId.replace(/\.desktop$/, '');
    if (!appId)
        appId = window.get_gtk_application_id() || window.get_sandboxed_app_id() || '';
    const pid = window.get_pid();
    return [appId, window.get_wm_class() || '', window.get_title() || '', pid > 0 ? pid : 0];
}

class FocusReporter {
    enable() {
        this._window = null;
        this._windowSignals = [];
        this._last = null;
        this._exported = Gio.DBusExportedObject.wrapJSObject(FOCUS_XML, this);
        this._exported.export(Gio.DBus.session, OBJECT_PATH);
        this._nameId = Gio.bus_own_name_on_connection(
            Gio.DBus.session, BUS_NAME, Gio.BusNameOwnerFlags.NONE, null, null);
        this._focusSignal = global.display.connect('notify::focus-window', () => this._follow());
        this._follow();
    }

    disable() {
        global.display.disconnect(this._focusSignal);
        this._watch(null);
        Gio.bus_unown_name(this._nameId);
        this._exported.unexport();
        this._exported = null;
    }

    Get() {
        return describe(this._window);
    }

    _follow() {
        this._watch(global.display.focus_window);
        this._changed();
    }

    _watch(window) {
        for (const id of this._windowSignals)
            this._window.disconnect(id);
        this._window = window;
        this._windowSignals = window ? ['notify::title', 'notify::wm-class'].map(
            name => window.connect(name, () => this._changed())) : [];
    }

    _changed() {
        const now = describe(this._window);
        if (this._last && now.every((value, i) => value === this._last[i]))
            return;
        this._last = now;
        this._exported.emit_signal('Changed', new GLib.Variant('(sssu)', now));
    }
}
// END shared body

export default class WellbeingFocusExtension extends Extension {
    enable() {
        this._reporter = new FocusReporter();
        this._reporter.enable();
    }

    disable() {
        this._reporter.disable();
        this._reporter = null;
    }
}
