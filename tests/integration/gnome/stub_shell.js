/* Tests only: what esm_driver.js gives the extension for gi://Shell and the
 * Extension base class (both exist only inside GNOME Shell). */
export class Extension {
    constructor(metadata) {
        this.metadata = metadata;
    }
}

export default {
    WindowTracker: {
        get_default() {
            return {get_window_app: window => window.app};
        },
    },
};
