/* Tests only (never shipped): what a test must do to a headless GNOME Shell 42-44.
 *
 * The shell starts in the overview, which holds the keyboard focus, and new
 * windows are not focused by themselves; this extension hides the overview and
 * activates a window by its WM class (a Wayland app_id), the way a click would.
 */
'use strict';

const {Gio} = imports.gi;
const Main = imports.ui.main;

const HELPER_XML = `<node>
  <interface name="io.github.wellbeing.TestHelper">
    <method name="HideOverview"/>
    <method name="Activate">
      <arg type="s" direction="in" name="wm_class"/>
      <arg type="b" direction="out" name="found"/>
    </method>
    <method name="Classes">
      <arg type="as" direction="out" name="classes"/>
    </method>
  </interface>
</node>`;

function windows() {
    return global.get_window_actors().map(actor => actor.meta_window);
}

class TestHelper {
    enable() {
        this._exported = Gio.DBusExportedObject.wrapJSObject(HELPER_XML, this);
        this._exported.export(Gio.DBus.session, '/io/github/wellbeing/TestHelper');
        this._nameId = Gio.bus_own_name_on_connection(Gio.DBus.session,
            'io.github.wellbeing.TestHelper', Gio.BusNameOwnerFlags.NONE, null, null);
    }

    disable() {
        Gio.bus_unown_name(this._nameId);
        this._exported.unexport();
    }

    HideOverview() {
        Main.overview.hide();
    }

    Activate(wmClass) {
        const window = windows().find(w => w.get_wm_class() === wmClass);
        if (!window)
            return false;
        Main.activateWindow(window);
        return true;
    }

    Classes() {
        return windows().map(w => w.get_wm_class() || '');
    }
}

function init() {
    return new TestHelper();
}
