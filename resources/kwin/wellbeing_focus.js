// wellbeing: tells the wellbeing tracker which window is active, as it changes.
//
// Loaded by wellbeing (wellbeing/platform/kde.py) over D-Bus with
// org.kde.kwin.Scripting.loadScript and unloaded when it stops; nothing is
// installed. Before loading, wellbeing replaces the three @...@ names below
// with the D-Bus name and object of its own process. Each report is one call
// Activated(resourceClass, resourceName, caption, pid); an empty class means
// no window is active. It reports at start, on every activation (Plasma 6:
// workspace.windowActivated; Plasma 5: workspace.clientActivated) and when the
// active window's title changes. It sends nothing anywhere else.
(function () {
    var service = "@SERVICE@";
    var path = "@PATH@";
    var iface = "@INTERFACE@";
    var watched = null;

    function report(w) {
        if (!w) {
            callDBus(service, path, iface, "Activated", "", "", "", 0);
            return;
        }
        callDBus(service, path, iface, "Activated",
                 String(w.resourceClass || ""), String(w.resourceName || ""),
                 String(w.caption || ""), Number(w.pid || 0));
    }

    function titleChanged() {
        report(watched);
    }

    function activated(w) {
        if (watched) {
            try {
                watched.captionChanged.disconnect(titleChanged);
            } catch (e) {
                // the window is gone already
            }
        }
        watched = w || null;
        if (watched) {
            watched.captionChanged.connect(titleChanged);
        }
        report(watched);
    }

    if (workspace.windowActivated) {
        workspace.windowActivated.connect(activated);
        activated(workspace.activeWindow);
    } else {
        workspace.clientActivated.connect(activated);
        activated(workspace.activeClient);
    }
})();
