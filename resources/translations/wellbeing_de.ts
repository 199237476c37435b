<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../wellbeing/ui/accessibility_prompt.py" line="29"/>
        <source>See websites too?</source>
        <translation>Auch Websites sehen?</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/accessibility_prompt.py" line="30"/>
        <source>Wellbeing already counts the time you spend in each app.

To also tell which website a browser shows (the window&apos;s title), macOS needs you to allow Wellbeing under Privacy &amp; Security &gt; Accessibility. Titles stay on this Mac and are used only to recognise websites; Wellbeing never controls other apps.

Open macOS&apos; request now?</source>
        <translation>Wellbeing zählt schon die Zeit, die du in jeder App verbringst.

Um auch zu erkennen, welche Website ein Browser zeigt (am Fenstertitel), musst du Wellbeing unter Datenschutz &amp; Sicherheit &gt; Bedienungshilfen erlauben. Titel bleiben auf diesem Mac und dienen nur zum Erkennen von Websites; Wellbeing steuert nie andere Apps.

Anfrage von macOS jetzt öffnen?</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/accessibility_prompt.py" line="48"/>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/accessibility_prompt.py" line="49"/>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../wellbeing/app.py" line="505"/>
        <source>Already running</source>
        <extracomment>How often Python gets control to run a signal handler if the wake-up socket did not fire.</extracomment>
        <translation>Läuft bereits</translation>
    </message>
    <message>
        <location filename="../../wellbeing/app.py" line="508"/>
        <source>Cannot start</source>
        <translation>Start nicht möglich</translation>
    </message>
    <message>
        <location filename="../../wellbeing/app.py" line="515"/>
        <source>Cannot open your data</source>
        <translation>Deine Daten lassen sich nicht öffnen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/app.py" line="531"/>
        <source>Database was damaged</source>
        <translation>Die Datenbank war beschädigt</translation>
    </message>
    <message>
        <location filename="../../wellbeing/app.py" line="693"/>
        <source>Cannot see your windows</source>
        <translation>Deine Fenster sind nicht sichtbar</translation>
    </message>
    <message>
        <location filename="../../wellbeing/app.py" line="695"/>
        <source>Your history is still shown; nothing new is recorded.</source>
        <translation>Dein Verlauf wird weiter angezeigt; Neues wird nicht aufgezeichnet.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../wellbeing/ui/banner.py" line="45"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/banner.py" line="46"/>
        <source>Put the message away</source>
        <translation>Meldung ausblenden</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/banner.py" line="49"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="77"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="78"/>
        <source>Limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="80"/>
        <source>Apps</source>
        <translation>Apps</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="81"/>
        <source>Sites</source>
        <translation>Websites</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="82"/>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="83"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="84"/>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="85"/>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="196"/>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="29"/>
        <source>{name}, {time}, {percent}% of the total</source>
        <translation>{name}, {time}, {percent} % der Gesamtzeit</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="36"/>
        <source>Most used sites</source>
        <translation>Meistbesuchte Websites</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="38"/>
        <source>Most used categories</source>
        <translation>Meistgenutzte Kategorien</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="39"/>
        <source>Most used apps</source>
        <translation>Meistgenutzte Apps</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="45"/>
        <source>Sites on {day}</source>
        <translation>Websites am {day}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="47"/>
        <source>Categories on {day}</source>
        <translation>Kategorien am {day}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="49"/>
        <source>Apps on {day}</source>
        <translation>Apps am {day}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="55"/>
        <source>Today: {time}</source>
        <translation>Heute: {time}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="60"/>
        <source>Tracking has started — today so far: {time}</source>
        <translation>Die Aufzeichnung läuft — heute bisher: {time}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="65"/>
        <source>Daily average</source>
        <translation>Tagesdurchschnitt</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="69"/>
        <source>Screen time</source>
        <translation>Bildschirmzeit</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="73"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="77"/>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="81"/>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="85"/>
        <source>Last week</source>
        <translation>Letzte Woche</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="95"/>
        <source>Same as last week</source>
        <translation>Wie letzte Woche</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="97"/>
        <source>Same as last month</source>
        <translation>Wie letzten Monat</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="98"/>
        <source>Same as the day before</source>
        <translation>Wie am Vortag</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="100"/>
        <source>{arrow} {percent}% from last week</source>
        <translation>{arrow} {percent} % gegenüber letzter Woche</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="102"/>
        <source>{arrow} {percent}% from last month</source>
        <translation>{arrow} {percent} % gegenüber letztem Monat</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="104"/>
        <source>{arrow} {percent}% from the day before</source>
        <translation>{arrow} {percent} % gegenüber dem Vortag</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="111"/>
        <source>Previous day</source>
        <translation>Vorheriger Tag</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="111"/>
        <source>Next day</source>
        <translation>Nächster Tag</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="113"/>
        <source>Previous week</source>
        <translation>Vorherige Woche</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="113"/>
        <source>Next week</source>
        <translation>Nächste Woche</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="114"/>
        <source>Previous month</source>
        <translation>Vorheriger Monat</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_texts.py" line="114"/>
        <source>Next month</source>
        <translation>Nächster Monat</translation>
    </message>
</context>
<context>
    <name>DashboardLimits</name>
    <message>
        <location filename="../../wellbeing/ui/dashboard_limits.py" line="44"/>
        <source>Select an item first</source>
        <translation>Wähle zuerst einen Eintrag aus</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_limits.py" line="46"/>
        <source>Browsing outside the listed sites cannot have a limit of its own</source>
        <translation>Surfen außerhalb der aufgeführten Websites kann kein eigenes Limit haben</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_limits.py" line="49"/>
        <source>Uncategorised use cannot have a limit; limit its apps instead</source>
        <translation>Nicht kategorisierte Nutzung kann kein Limit haben; begrenze stattdessen ihre Apps</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_limits.py" line="102"/>
        <location filename="../../wellbeing/ui/dashboard_limits.py" line="103"/>
        <source>See limits</source>
        <translation>Limits ansehen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard_limits.py" line="159"/>
        <source>Set a daily limit for the selected item</source>
        <translation>Ein tägliches Limit für den ausgewählten Eintrag festlegen</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="123"/>
        <source>Your Activity — Wellbeing</source>
        <translation>Deine Aktivität — Wellbeing</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="125"/>
        <location filename="../../wellbeing/ui/dashboard.py" line="183"/>
        <source>Your Activity</source>
        <translation>Deine Aktivität</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="198"/>
        <location filename="../../wellbeing/ui/dashboard.py" line="345"/>
        <source>Show {lower}</source>
        <translation>{0} anzeigen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="205"/>
        <location filename="../../wellbeing/ui/dashboard.py" line="399"/>
        <source>{} view</source>
        <translation>Ansicht {}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="223"/>
        <location filename="../../wellbeing/ui/dashboard.py" line="224"/>
        <location filename="../../wellbeing/ui/dashboard.py" line="227"/>
        <source>Go to date</source>
        <translation>Zu Datum springen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="228"/>
        <location filename="../../wellbeing/ui/dashboard.py" line="262"/>
        <location filename="../../wellbeing/ui/dashboard.py" line="397"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="229"/>
        <source>Go to today</source>
        <translation>Zu heute springen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="231"/>
        <location filename="../../wellbeing/ui/dashboard.py" line="232"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="285"/>
        <source>Your charts fill in as you use your computer. Come back tomorrow to compare days.</source>
        <translation>Deine Diagramme füllen sich, während du deinen Computer benutzt. Schau morgen wieder vorbei, um Tage zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="306"/>
        <source>Show day</source>
        <translation>Tag anzeigen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="307"/>
        <source>Show the selected day</source>
        <translation>Den ausgewählten Tag anzeigen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="322"/>
        <source>First use</source>
        <translation>Erste Nutzung</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="323"/>
        <source>Last use</source>
        <translation>Letzte Nutzung</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="324"/>
        <source>Longest stretch</source>
        <translation>Längste Sitzung</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="360"/>
        <source>Usage list</source>
        <translation>Nutzungsliste</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="361"/>
        <source>Nothing recorded here yet.</source>
        <translation>Hier ist noch nichts aufgezeichnet.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="367"/>
        <location filename="../../wellbeing/ui/dashboard.py" line="401"/>
        <source>Set limit…</source>
        <translation>Limit festlegen…</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="368"/>
        <source>Set limit</source>
        <translation>Limit festlegen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="383"/>
        <source>Export chart as PNG…</source>
        <translation>Diagramm als PNG exportieren…</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="385"/>
        <source>Export list as CSV…</source>
        <translation>Liste als CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="387"/>
        <source>Your data: export everything, import, delete…</source>
        <translation>Deine Daten: alles exportieren, importieren, löschen…</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="395"/>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="396"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="483"/>
        <source>Legend: {names}</source>
        <translation>Legende: {names}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="526"/>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="526"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="532"/>
        <source>Export list</source>
        <translation>Liste exportieren</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="532"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV-Datei (*.csv)</translation>
    </message>
</context>
<context>
    <name>DataDialog</name>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="89"/>
        <source>Your data — Wellbeing</source>
        <translation>Deine Daten — Wellbeing</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="92"/>
        <source>Take it with you</source>
        <translation>Mitnehmen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="95"/>
        <source>One JSON file (can be imported again)</source>
        <translation>Eine JSON-Datei (kann wieder importiert werden)</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="96"/>
        <source>A zip of CSV files (for spreadsheets)</source>
        <translation>Ein ZIP mit CSV-Dateien (für Tabellen)</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="97"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="98"/>
        <source>Export everything…</source>
        <translation>Alles exportieren…</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="103"/>
        <source>Bring history in</source>
        <translation>Verlauf übernehmen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="106"/>
        <source>A Wellbeing JSON export, or ActivityWatch&apos;s “Export all buckets as JSON”. Importing twice adds nothing.</source>
        <translation>Ein JSON-Export von Wellbeing oder „Export all buckets as JSON“ von ActivityWatch. Zweimal importieren fügt nichts hinzu.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="108"/>
        <source>Import a file…</source>
        <translation>Datei importieren…</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="113"/>
        <source>Delete days</source>
        <translation>Tage löschen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="124"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="126"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="127"/>
        <source>Delete these days…</source>
        <translation>Diese Tage löschen…</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="131"/>
        <source>To delete today, or everything (with the backups), quit Wellbeing from the tray menu and run “wellbeing delete --all”: it names what goes and asks first.</source>
        <translation>Um heute oder alles (mit den Sicherungen) zu löschen, beende Wellbeing über das Menü im Panel und führe „wellbeing delete --all“ aus: Es nennt, was gelöscht wird, und fragt vorher.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="136"/>
        <source>Automatic backups</source>
        <translation>Automatische Sicherungen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="160"/>
        <source>Export everything</source>
        <translation>Alles exportieren</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="167"/>
        <source>Import a file</source>
        <translation>Datei importieren</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="167"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="173"/>
        <source>Import this?</source>
        <translation>Das importieren?</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="174"/>
        <source>Nothing was imported.</source>
        <translation>Nichts wurde importiert.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="187"/>
        <source>Delete these days?</source>
        <translation>Diese Tage löschen?</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="188"/>
        <source>Nothing was deleted.</source>
        <translation>Nichts wurde gelöscht.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="200"/>
        <source>None yet: one is made every day.</source>
        <translation>Noch keine: Jeden Tag wird eine angelegt.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/data_dialog.py" line="202"/>
        <source>Kept: {days}. To go back to one, quit Wellbeing and run “wellbeing backup restore DATE”; the database in use is kept beside it.</source>
        <translation>Vorhanden: {days}. Um zu einer zurückzukehren, beende Wellbeing und führe „wellbeing backup restore DATUM“ aus; die aktuelle Datenbank bleibt daneben erhalten.</translation>
    </message>
</context>
<context>
    <name>DeviceChooser</name>
    <message>
        <location filename="../../wellbeing/ui/device_filter.py" line="60"/>
        <source>Whose use is shown</source>
        <translation>Wessen Nutzung gezeigt wird</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/device_filter.py" line="61"/>
        <source>All devices</source>
        <translation>Alle Geräte</translation>
    </message>
</context>
<context>
    <name>GnomeExtensionPrompt</name>
    <message>
        <location filename="../../wellbeing/ui/gnome_setup_prompt.py" line="29"/>
        <source>On GNOME with Wayland, only a GNOME Shell extension can tell which app is in front. wellbeing comes with a tiny one of its own: it tells wellbeing the app, window title and process of the focused window, and nothing else; nothing leaves your computer.</source>
        <translation>Unter GNOME mit Wayland kann nur eine GNOME-Shell-Erweiterung erkennen, welche App im Vordergrund ist. wellbeing bringt eine winzige eigene mit: Sie teilt wellbeing die App, den Fenstertitel und den Prozess des aktiven Fensters mit, sonst nichts; nichts verlässt deinen Computer.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/gnome_setup_prompt.py" line="58"/>
        <source>See your apps on GNOME</source>
        <extracomment>States that installing (again) cannot fix: the dialog only says what to do.</extracomment>
        <translation>Deine Apps unter GNOME sehen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/gnome_setup_prompt.py" line="69"/>
        <source>Install</source>
        <translation>Installieren</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/gnome_setup_prompt.py" line="74"/>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/gnome_setup_prompt.py" line="88"/>
        <source>Install it now? You will need to log out and back in once.</source>
        <translation>Jetzt installieren? Du musst dich danach einmal ab- und wieder anmelden.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/gnome_setup_prompt.py" line="98"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>NoticePresenter</name>
    <message>
        <location filename="../../wellbeing/ui/tray_notices.py" line="101"/>
        <source>Log file: {path}</source>
        <translation>Protokolldatei: {path}</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <location filename="../../wellbeing/ui/dashboard.py" line="222"/>
        <location filename="../../wellbeing/ui/periods.py" line="99"/>
        <location filename="../../wellbeing/ui/periods.py" line="100"/>
        <source>d MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/periods.py" line="78"/>
        <source>dddd d MMMM yyyy</source>
        <translation>dddd, d. MMMM yyyy</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/periods.py" line="83"/>
        <source>ddd d MMM</source>
        <translation>ddd, d. MMM</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/periods.py" line="88"/>
        <source>MMMM yyyy</source>
        <translation>MMMM yyyy</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/periods.py" line="102"/>
        <source>d MMMM</source>
        <translation>d. MMMM</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/periods.py" line="103"/>
        <location filename="../../wellbeing/ui/periods.py" line="106"/>
        <source>d MMMM yyyy</source>
        <translation>d. MMMM yyyy</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/periods.py" line="105"/>
        <source>d</source>
        <translation>d.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/periods.py" line="107"/>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
</context>
<context>
    <name>QuietMenu</name>
    <message>
        <location filename="../../wellbeing/ui/tray_quiet.py" line="24"/>
        <source>15 minutes</source>
        <translation>15 Minuten</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray_quiet.py" line="25"/>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray_quiet.py" line="26"/>
        <source>2 hours</source>
        <translation>2 Stunden</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray_quiet.py" line="27"/>
        <source>8 hours</source>
        <translation>8 Stunden</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray_quiet.py" line="40"/>
        <location filename="../../wellbeing/ui/tray_quiet.py" line="41"/>
        <source>Quiet notifications</source>
        <translation>Benachrichtigungen stummschalten</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray_quiet.py" line="43"/>
        <source>For {time}</source>
        <translation>Für {time}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray_quiet.py" line="47"/>
        <source>Turn quiet mode off</source>
        <translation>Stummschaltung beenden</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="88"/>
        <source>Wellbeing settings</source>
        <translation>Wellbeing-Einstellungen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="98"/>
        <source>Tracking</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="101"/>
        <location filename="../../wellbeing/ui/settings.py" line="158"/>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="103"/>
        <source>Away after no input for</source>
        <translation>Abwesend nach Untätigkeit von</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="105"/>
        <source>Without keyboard or mouse for this long, time stops counting (back to your last input).</source>
        <translation>So lange ohne Tastatur oder Maus, und die Zeit zählt nicht mehr (zurück bis zur letzten Eingabe).</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="110"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="112"/>
        <source>Look at the window every</source>
        <translation>Fenster prüfen alle</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="114"/>
        <source>Only where the desktop does not announce switches; from the next start.</source>
        <translation>Nur wo die Arbeitsumgebung Wechsel nicht meldet; ab dem nächsten Start.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="120"/>
        <source>A day starts at</source>
        <translation>Ein Tag beginnt um</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="122"/>
        <source>Late nights count for the day before; from the next start.</source>
        <translation>Späte Nächte zählen zum Vortag; ab dem nächsten Start.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="124"/>
        <source>Privacy</source>
        <translation>Privatsphäre</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="125"/>
        <source>Keep window titles</source>
        <translation>Fenstertitel speichern</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="128"/>
        <source>Off: titles only recognise websites, then vanish (recommended).</source>
        <translation>Aus: Titel dienen nur zum Erkennen von Websites und verschwinden dann (empfohlen).</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="130"/>
        <source>Never keep titles of</source>
        <translation>Nie die Titel speichern von</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="132"/>
        <source>App names, separated by commas (e.g. keepassxc, signal).</source>
        <translation>App-Namen, durch Kommas getrennt (z. B. keepassxc, signal).</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="134"/>
        <source>Record nothing for</source>
        <translation>Nichts aufzeichnen für</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="136"/>
        <source>App names, separated by commas: not even their time is kept.</source>
        <translation>App-Namen, durch Kommas getrennt: Nicht einmal ihre Zeit wird gespeichert.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="138"/>
        <source>Notifications and limits</source>
        <translation>Benachrichtigungen und Limits</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="139"/>
        <source>Weekly summary</source>
        <translation>Wochenrückblick</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="143"/>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="143"/>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="143"/>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="143"/>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="144"/>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="144"/>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="144"/>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="150"/>
        <source>Last week&apos;s daily average and limits kept; from the next start.</source>
        <translation>Tagesdurchschnitt der letzten Woche und eingehaltene Limits; ab dem nächsten Start.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="151"/>
        <source>On</source>
        <translation>Am</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="153"/>
        <source>At</source>
        <translation>Um</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="160"/>
        <source>Warn before a limit</source>
        <translation>Vor einem Limit warnen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="162"/>
        <source>The &quot;almost up&quot; notice comes this early (0: none); from the next start.</source>
        <translation>So früh kommt der Hinweis „gleich vorbei“ (0: keiner); ab dem nächsten Start.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="165"/>
        <source>Appearance and backups</source>
        <translation>Aussehen und Sicherungen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="167"/>
        <source>Like the desktop</source>
        <translation>Wie die Arbeitsumgebung</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="167"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="168"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="171"/>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="172"/>
        <location filename="../../wellbeing/ui/settings.py" line="184"/>
        <source>Applies at once.</source>
        <translation>Gilt sofort.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="176"/>
        <source>Daily backups kept</source>
        <translation>Aufbewahrte tägliche Sicherungen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="177"/>
        <source>The newest ones; older ones are deleted; from the next start.</source>
        <translation>Die neuesten; ältere werden gelöscht; ab dem nächsten Start.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="179"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="180"/>
        <source>Start Wellbeing when I log in</source>
        <translation>Wellbeing bei der Anmeldung starten</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="189"/>
        <source>See windows through</source>
        <translation>Fenster erkennen über</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="191"/>
        <source>&quot;auto&quot; tries every way (wellbeing doctor lists them); from the next start.</source>
        <translation>„auto“ probiert jeden Weg (wellbeing doctor listet sie); ab dem nächsten Start.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="196"/>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="197"/>
        <source>Chosen with --data-dir or WELLBEING_DATA_DIR when starting.</source>
        <translation>Wird beim Start mit --data-dir oder WELLBEING_DATA_DIR gewählt.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="198"/>
        <source>the data folder&apos;s own file</source>
        <translation>die eigene Datei des Datenordners</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="200"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="201"/>
        <source>Another database (PostgreSQL) is chosen with --db or WELLBEING_DB_URL.</source>
        <translation>Eine andere Datenbank (PostgreSQL) wird mit --db oder WELLBEING_DB_URL gewählt.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="204"/>
        <source>Your rules and categories</source>
        <translation>Deine Regeln und Kategorien</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="206"/>
        <source>{count} rules of your own</source>
        <translation>{count} eigene Regeln</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="207"/>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="212"/>
        <source>Rules and category colours are written in the settings file; &apos;wellbeing classify&apos; tries them.</source>
        <translation>Regeln und Kategoriefarben stehen in der Einstellungsdatei; „wellbeing classify“ probiert sie aus.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="220"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="223"/>
        <source>Edit settings file…</source>
        <translation>Einstellungsdatei bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="304"/>
        <source>Not saved: </source>
        <translation>Nicht gespeichert: </translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="311"/>
        <source>Saved. Settings marked “from the next start” apply when Wellbeing starts again.</source>
        <translation>Gespeichert. Einstellungen mit „ab dem nächsten Start“ gelten, wenn Wellbeing wieder startet.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="320"/>
        <source>Forget stored titles?</source>
        <translation>Gespeicherte Titel vergessen?</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="321"/>
        <source>Window titles are no longer kept. Also forget the titles kept so far? The time of each app and website stays.</source>
        <translation>Fenstertitel werden nicht mehr gespeichert. Auch die bisher gespeicherten Titel vergessen? Die Zeit jeder App und Website bleibt.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/settings.py" line="325"/>
        <source>Saved. {count} stored titles were forgotten.</source>
        <translation>Gespeichert. {count} gespeicherte Titel wurden vergessen.</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <location filename="../../wellbeing/ui/tray.py" line="189"/>
        <source>Open dashboard</source>
        <extracomment>The last problem shown (the icon stays in its warning state), else None. Notifications shown, as (title, text), oldest first.</extracomment>
        <translation>Übersicht öffnen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray.py" line="192"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray.py" line="201"/>
        <location filename="../../wellbeing/ui/tray.py" line="321"/>
        <source>Pause tracking</source>
        <translation>Aufzeichnung pausieren</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray.py" line="203"/>
        <source>For 15 minutes</source>
        <translation>Für 15 Minuten</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray.py" line="203"/>
        <source>For 1 hour</source>
        <translation>Für 1 Stunde</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray.py" line="208"/>
        <source>Until tomorrow</source>
        <translation>Bis morgen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray.py" line="212"/>
        <location filename="../../wellbeing/ui/tray.py" line="325"/>
        <source>Resume tracking</source>
        <translation>Aufzeichnung fortsetzen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray.py" line="215"/>
        <source>Experiment check-in…</source>
        <translation>Experiment-Check-in…</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray.py" line="218"/>
        <location filename="../../wellbeing/ui/tray.py" line="260"/>
        <source>Start at login</source>
        <translation>Bei der Anmeldung starten</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray.py" line="223"/>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray.py" line="225"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray.py" line="261"/>
        <source>Could not change {where}: {why}</source>
        <translation>{where} konnte nicht geändert werden: {why}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray.py" line="283"/>
        <source>Today: {time}</source>
        <translation>Heute: {time}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray.py" line="295"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray.py" line="298"/>
        <source>paused until {time}</source>
        <translation>pausiert bis {time}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray.py" line="320"/>
        <source>Tracking paused</source>
        <translation>Aufzeichnung pausiert</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/tray.py" line="324"/>
        <source>Resume tracking ({state})</source>
        <translation>Aufzeichnung fortsetzen ({state})</translation>
    </message>
</context>
<context>
    <name>UsageChart</name>
    <message>
        <location filename="../../wellbeing/ui/charts.py" line="178"/>
        <location filename="../../wellbeing/ui/charts.py" line="179"/>
        <source>Usage chart</source>
        <extracomment>Grid steps (seconds) the value axis may use; the smallest giving at most 3 lines wins.</extracomment>
        <translation>Nutzungsdiagramm</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/charts.py" line="242"/>
        <source>avg {time}</source>
        <translation>Ø {time}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/charts.py" line="244"/>
        <source>limit {time}</source>
        <translation>Limit {time}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/charts.py" line="262"/>
        <source>No use recorded</source>
        <translation>Keine Nutzung aufgezeichnet</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../wellbeing/ui/welcome.py" line="50"/>
        <source>Welcome to Wellbeing</source>
        <translation>Willkommen bei Wellbeing</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/welcome.py" line="56"/>
        <source>Wellbeing is now counting your screen time</source>
        <translation>Wellbeing zählt jetzt deine Bildschirmzeit</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/welcome.py" line="63"/>
        <source>&lt;b&gt;What is recorded:&lt;/b&gt; which app is in front and for how long, and which website a browser shows (recognised from the window&apos;s title). Time away from the keyboard, with the screen locked or the computer asleep does not count.</source>
        <translation>&lt;b&gt;Was aufgezeichnet wird:&lt;/b&gt; welche App im Vordergrund ist und wie lange, und welche Website ein Browser zeigt (am Fenstertitel erkannt). Zeit ohne Tastatur, mit gesperrtem Bildschirm oder im Ruhezustand zählt nicht.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/welcome.py" line="67"/>
        <source>&lt;b&gt;Where it stays:&lt;/b&gt; {where}. Nothing is sent anywhere.</source>
        <translation>&lt;b&gt;Wo es bleibt:&lt;/b&gt; {where}. Nichts wird irgendwohin gesendet.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/welcome.py" line="69"/>
        <source>&lt;b&gt;Window titles are not kept.&lt;/b&gt; They are read to recognise websites and then dropped; you can choose to keep them in Settings.</source>
        <translation>&lt;b&gt;Fenstertitel werden nicht gespeichert.&lt;/b&gt; Sie werden gelesen, um Websites zu erkennen, und dann verworfen; in den Einstellungen kannst du sie behalten.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/welcome.py" line="71"/>
        <source>&lt;b&gt;To pause:&lt;/b&gt; the Wellbeing icon in the panel, then &lt;i&gt;Pause tracking&lt;/i&gt;.</source>
        <translation>&lt;b&gt;Pausieren:&lt;/b&gt; das Wellbeing-Symbol im Panel, dann &lt;i&gt;Aufzeichnung pausieren&lt;/i&gt;.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/welcome.py" line="79"/>
        <source>Start Wellbeing when I log in</source>
        <translation>Wellbeing bei der Anmeldung starten</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/welcome.py" line="83"/>
        <source>Get started</source>
        <translation>Los geht’s</translation>
    </message>
</context>
</TS>
