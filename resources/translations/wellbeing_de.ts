<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Accessibility</name>
    <message>
        <source>See websites too?</source>
        <translation>Auch Websites sehen?</translation>
    </message>
    <message>
        <source>Wellbeing already counts the time you spend in each app.

To also tell which website a browser shows (the window&apos;s title), macOS needs you to allow Wellbeing under Privacy &amp; Security &gt; Accessibility. Titles stay on this Mac and are used only to recognise websites; Wellbeing never controls other apps.

Open macOS&apos; request now?</source>
        <translation>Wellbeing zählt schon die Zeit, die du in jeder App verbringst.

Um auch zu erkennen, welche Website ein Browser zeigt (am Fenstertitel), musst du Wellbeing unter Datenschutz &amp; Sicherheit &gt; Bedienungshilfen erlauben. Titel bleiben auf diesem Mac und dienen nur zum Erkennen von Websites; Wellbeing steuert nie andere Apps.

Anfrage von macOS jetzt öffnen?</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Already running</source>
        <translation>Läuft bereits</translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation>Start nicht möglich</translation>
    </message>
    <message>
        <source>Cannot open your data</source>
        <translation>Deine Daten lassen sich nicht öffnen</translation>
    </message>
    <message>
        <source>Database was damaged</source>
        <translation>Die Datenbank war beschädigt</translation>
    </message>
    <message>
        <source>The database at {host} cannot be reached. Tracking goes on: the time is kept on this computer and written to the database as soon as it answers. Until then the window cannot show your use.</source>
        <translation>Die Datenbank auf {host} ist nicht erreichbar. Die Aufzeichnung läuft weiter: Die Zeit wird auf diesem Computer aufbewahrt und in die Datenbank geschrieben, sobald sie antwortet. Bis dahin kann das Fenster deine Nutzung nicht zeigen.</translation>
    </message>
    <message>
        <source>Database cannot be reached</source>
        <translation>Datenbank nicht erreichbar</translation>
    </message>
    <message>
        <source>Cannot see your windows</source>
        <translation>Deine Fenster sind nicht sichtbar</translation>
    </message>
    <message>
        <source>Your history is still shown; nothing new is recorded.</source>
        <translation>Dein Verlauf wird weiter angezeigt; Neues wird nicht aufgezeichnet.</translation>
    </message>
</context>
<context>
    <name>Argparse</name>
    <message>
        <source>usage: </source>
        <translation>Aufruf: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>Positionsargumente</translation>
    </message>
    <message>
        <source>options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>diese Hilfe zeigen und beenden</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>Argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>unbekannte Argumente: %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>nicht zusammen mit Argument %s erlaubt</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>ausdrücklicher Wert %r ignoriert</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>diese Argumente fehlen: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>eines der Argumente %s ist nötig</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>erwartet einen Wert</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>erwartet höchstens einen Wert</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>erwartet mindestens einen Wert</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>erwartet %s Wert</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>erwartet %s Werte</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>mehrdeutige Option: %(option)s passt zu %(matches)s</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>unerwartete Option: %s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>ungültiger %(type)s-Wert: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>ungültige Auswahl: %(value)r (möglich: %(choices)s)</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>unbekannter Befehl %(parser_name)r (möglich: %(choices)s)</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Put the message away</source>
        <translation>Meldung ausblenden</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>Bypass</name>
    <message>
        <source>no limit reached</source>
        <translation>kein Limit erreicht</translation>
    </message>
    <message>
        <source>limit reached on 1 day</source>
        <translation>Limit an 1 Tag erreicht</translation>
    </message>
    <message>
        <source>limit reached on {n} days</source>
        <translation>Limit an {n} Tagen erreicht</translation>
    </message>
    <message>
        <source>snoozed once</source>
        <translation>einmal verschoben</translation>
    </message>
    <message>
        <source>snoozed {n} times</source>
        <translation>{n}-mal verschoben</translation>
    </message>
    <message>
        <source>ignored once</source>
        <translation>einmal ignoriert</translation>
    </message>
    <message>
        <source>ignored {n} times</source>
        <translation>{n}-mal ignoriert</translation>
    </message>
    <message>
        <source>closed an app once</source>
        <translation>einmal eine App geschlossen</translation>
    </message>
    <message>
        <source>closed an app {n} times</source>
        <translation>{n}-mal eine App geschlossen</translation>
    </message>
    <message>
        <source>clock changed once</source>
        <translation>Uhr einmal verstellt</translation>
    </message>
    <message>
        <source>clock changed {n} times</source>
        <translation>Uhr {n}-mal verstellt</translation>
    </message>
    <message>
        <source>This week: {clauses}</source>
        <translation>Diese Woche: {clauses}</translation>
    </message>
    <message>
        <source>Last week: {clauses}</source>
        <translation>Letzte Woche: {clauses}</translation>
    </message>
    <message>
        <source>Today: {clauses}</source>
        <translation>Heute: {clauses}</translation>
    </message>
    <message>
        <source>No limits reached this week</source>
        <translation>Diese Woche wurde kein Limit erreicht</translation>
    </message>
    <message>
        <source>No limits reached last week</source>
        <translation>Letzte Woche wurde kein Limit erreicht</translation>
    </message>
    <message>
        <source>No limits reached today</source>
        <translation>Heute wurde kein Limit erreicht</translation>
    </message>
</context>
<context>
    <name>Categories</name>
    <message>
        <source>Social</source>
        <translation>Soziale Medien</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Messaging</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Games</source>
        <translation>Spiele</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Arbeit</translation>
    </message>
    <message>
        <source>Browsing</source>
        <translation>Surfen</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
</context>
<context>
    <name>Checkin</name>
    <message>
        <source>This is not a diagnosis or medical advice. &lt;a href=&quot;{url}&quot;&gt;Need help now?&lt;/a&gt; Free, confidential helplines in your country.</source>
        <translation>Dies ist keine Diagnose und keine medizinische Beratung. &lt;a href=&quot;{url}&quot;&gt;Brauchst du jetzt Hilfe?&lt;/a&gt; Kostenlose, vertrauliche Hilfetelefone in deinem Land.</translation>
    </message>
    <message>
        <source>How is your mood right now?</source>
        <translation>Wie ist deine Stimmung gerade?</translation>
    </message>
    <message>
        <source>Very low</source>
        <translation>Sehr schlecht</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>Sehr gut</translation>
    </message>
    <message>
        <source>How lonely did you feel today?</source>
        <translation>Wie einsam hast du dich heute gefühlt?</translation>
    </message>
    <message>
        <source>Not at all</source>
        <translation>Gar nicht</translation>
    </message>
    <message>
        <source>Very lonely</source>
        <translation>Sehr einsam</translation>
    </message>
    <message>
        <source>How anxious did you feel today?</source>
        <translation>Wie ängstlich hast du dich heute gefühlt?</translation>
    </message>
    <message>
        <source>Very anxious</source>
        <translation>Sehr ängstlich</translation>
    </message>
    <message>
        <source>How much did you feel you were missing out on what others were doing?</source>
        <translation>Wie sehr hattest du das Gefühl, zu verpassen, was andere gerade machen?</translation>
    </message>
    <message>
        <source>Very much</source>
        <translation>Sehr stark</translation>
    </message>
    <message>
        <source>&quot;{question}&quot; is not answered yet.</source>
        <translation>„{question}“ ist noch nicht beantwortet.</translation>
    </message>
    <message>
        <source>&quot;{question}&quot; needs a whole number 0–10.</source>
        <translation>„{question}“ braucht eine ganze Zahl von 0 bis 10.</translation>
    </message>
    <message>
        <source>&quot;{question}&quot; must be {low}–{high}; got {value}.</source>
        <translation>„{question}“ muss {low}–{high} sein; angegeben ist {value}.</translation>
    </message>
    <message>
        <source>{name} has {count} items; got {answers} answers.</source>
        <translation>{name} hat {count} Fragen; angegeben sind {answers} Antworten.</translation>
    </message>
    <message>
        <source>Item {number} of {name} (&quot;{item}&quot;) is not answered.</source>
        <translation>Frage {number} von {name} („{item}“) ist nicht beantwortet.</translation>
    </message>
    <message>
        <source>Item {number} of {name} (&quot;{item}&quot;) must be {allowed}; got {answer}.</source>
        <translation>Frage {number} von {name} („{item}“) muss {allowed} sein; angegeben ist {answer}.</translation>
    </message>
</context>
<context>
    <name>CheckinDialog</name>
    <message>
        <source>Evening check-in — Wellbeing</source>
        <translation>Abend-Check-in — Wellbeing</translation>
    </message>
    <message>
        <source>How was {day}?</source>
        <translation>Wie war {day}?</translation>
    </message>
    <message>
        <source>Four quick questions, under a minute. There are no right answers.</source>
        <translation>Vier kurze Fragen, keine Minute. Es gibt keine richtigen Antworten.</translation>
    </message>
    <message>
        <source>A note for yourself (optional)</source>
        <translation>Eine Notiz für dich (freiwillig)</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Run &apos;{prog} --help&apos; to see the options.</source>
        <translation>Mit &apos;{prog} --help&apos; siehst du die Optionen.</translation>
    </message>
    <message>
        <source>Know where your screen time goes, set limits, and run a self-experiment. Without a command, starts the tray app.</source>
        <translation>Sieh, wohin deine Bildschirmzeit geht, lege Limits fest und mach ein Selbstexperiment. Ohne Befehl startet die Panel-App.</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>die Versionsnummer zeigen und beenden</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>where the database, config and logs live (env {name})</source>
        <translation>wo Datenbank, Einstellungen und Protokolle liegen (Umgebungsvariable {name})</translation>
    </message>
    <message>
        <source>use this SQLAlchemy database URL instead (env {name})</source>
        <translation>stattdessen diese SQLAlchemy-Datenbank-URL nutzen (Umgebungsvariable {name})</translation>
    </message>
    <message>
        <source>use a scripted demo platform instead of reading real windows</source>
        <translation>eine vorgespielte Demo-Plattform nutzen, statt echte Fenster zu lesen</translation>
    </message>
    <message>
        <source>log more to stderr</source>
        <translation>mehr auf stderr protokollieren</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>BEFEHL</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>record foreground time without a window (Ctrl+C stops)</source>
        <translation>die Zeit im Vordergrund ohne Fenster aufzeichnen (Strg+C beendet)</translation>
    </message>
    <message>
        <source>stop after this long</source>
        <translation>nach so langer Zeit aufhören</translation>
    </message>
    <message>
        <source>sampling period when changes must be polled (default 1; on X11 a switch is seen as it happens)</source>
        <translation>Abfrageintervall, wenn Wechsel abgefragt werden müssen (Standard 1; unter X11 wird ein Wechsel sofort erkannt)</translation>
    </message>
    <message>
        <source>away after this long without input (default 180)</source>
        <translation>nach so langer Zeit ohne Eingabe als abwesend gelten (Standard 180)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>show usage for a day, a range or a week</source>
        <translation>die Nutzung eines Tages, eines Zeitraums oder einer Woche zeigen</translation>
    </message>
    <message>
        <source>one day (default: today)</source>
        <translation>ein Tag (Standard: heute)</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>DATUM</translation>
    </message>
    <message>
        <source>the Monday-to-Sunday week containing DATE (default: this week)</source>
        <translation>die Woche von Montag bis Sonntag, in der DATUM liegt (Standard: diese Woche)</translation>
    </message>
    <message>
        <source>first day</source>
        <translation>erster Tag</translation>
    </message>
    <message>
        <source>last day</source>
        <translation>letzter Tag</translation>
    </message>
    <message>
        <source>group by (default app). app: foreground apps (a browser&apos;s time includes its sites); site: each recognised website, plus &apos;Other browsing&apos; per browser (apps that are not browsers are not listed); category: via the site if any, else the app</source>
        <translation>gruppieren nach (Standard app). app: Apps im Vordergrund (die Zeit eines Browsers enthält seine Websites); site: jede erkannte Website, dazu &apos;Other browsing&apos; pro Browser (Apps, die keine Browser sind, fehlen); category: über die Website, wenn es eine gibt, sonst über die App</translation>
    </message>
    <message>
        <source>print JSON instead of a table</source>
        <translation>JSON statt einer Tabelle ausgeben</translation>
    </message>
    <message>
        <source>NAME|all</source>
        <translation>NAME|all</translation>
    </message>
    <message>
        <source>one device&apos;s use (default: all devices together)</source>
        <translation>die Nutzung eines Geräts (Standard: alle Geräte zusammen)</translation>
    </message>
    <message>
        <source>check what works on this machine and how to fix what doesn&apos;t</source>
        <translation>prüfen, was auf diesem Rechner funktioniert und wie sich beheben lässt, was nicht geht</translation>
    </message>
    <message>
        <source>set up what wellbeing needs from your desktop</source>
        <translation>einrichten, was wellbeing von deinem Desktop braucht</translation>
    </message>
    <message>
        <source>gnome-extension: install and enable wellbeing&apos;s GNOME Shell extension (needed on GNOME with Wayland; then log out and back in)</source>
        <translation>gnome-extension: die GNOME-Shell-Erweiterung von wellbeing installieren und aktivieren (nötig unter GNOME mit Wayland; danach ab- und wieder anmelden)</translation>
    </message>
    <message>
        <source>show what a window would be counted as, and which rule decided it</source>
        <translation>zeigen, als was ein Fenster gezählt würde und welche Regel das entschieden hat</translation>
    </message>
    <message>
        <source>Show what a window would be counted as (app, website, category) and which rule decided it, using the built-in rules and the [[rules]] of your config.toml. Rules that cannot be used are listed with the reason.</source>
        <translation>Zeigt, als was ein Fenster gezählt würde (App, Website, Kategorie) und welche Regel das entschieden hat, nach den eingebauten Regeln und den [[rules]] deiner config.toml. Regeln, die sich nicht verwenden lassen, stehen mit dem Grund dabei.</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>SCHLÜSSEL</translation>
    </message>
    <message>
        <source>the app key, e.g. firefox (see &apos;report --json&apos;)</source>
        <translation>der App-Schlüssel, z. B. firefox (siehe &apos;report --json&apos;)</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>TITEL</translation>
    </message>
    <message>
        <source>the window title</source>
        <translation>der Fenstertitel</translation>
    </message>
    <message>
        <source>CLASS</source>
        <translation>KLASSE</translation>
    </message>
    <message>
        <source>a WM_CLASS part (instance or class); repeat for both</source>
        <translation>ein Teil von WM_CLASS (Instanz oder Klasse); für beide wiederholen</translation>
    </message>
    <message>
        <source>print {&quot;app&quot;, &quot;site&quot;, &quot;category&quot;, &quot;rule&quot;} as JSON</source>
        <translation>{&quot;app&quot;, &quot;site&quot;, &quot;category&quot;, &quot;rule&quot;} als JSON ausgeben</translation>
    </message>
    <message>
        <source>fill the data dir with realistic synthetic history</source>
        <translation>den Datenordner mit realistischem, erfundenem Verlauf füllen</translation>
    </message>
    <message>
        <source>how many days (default 30)</source>
        <translation>wie viele Tage (Standard 30)</translation>
    </message>
    <message>
        <source>random seed (default 1)</source>
        <translation>Startwert für den Zufall (Standard 1)</translation>
    </message>
    <message>
        <source>last day (default: yesterday)</source>
        <translation>letzter Tag (Standard: gestern)</translation>
    </message>
    <message>
        <source>no command given; see &apos;wellbeing --help&apos;.</source>
        <translation>kein Befehl angegeben; siehe &apos;wellbeing --help&apos;.</translation>
    </message>
    <message>
        <source>{text} is not a real date in the form YYYY-MM-DD</source>
        <translation>{text} ist kein gültiges Datum der Form JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>{text} is not a number</source>
        <translation>{text} ist keine Zahl</translation>
    </message>
    <message>
        <source>{text} must be a positive number</source>
        <translation>{text} muss eine positive Zahl sein</translation>
    </message>
    <message>
        <source>{text} is not a whole number</source>
        <translation>{text} ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>{text} must be at least 1</source>
        <translation>{text} muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>--week cannot be combined with --from/--to.</source>
        <translation>--week lässt sich nicht mit --from/--to verbinden.</translation>
    </message>
    <message>
        <source>--date cannot be combined with --from/--to.</source>
        <translation>--date lässt sich nicht mit --from/--to verbinden.</translation>
    </message>
    <message>
        <source>--from {start} is after --to {end}.</source>
        <translation>--from {start} liegt nach --to {end}.</translation>
    </message>
    <message>
        <source>Give the earlier date to --from.</source>
        <translation>Gib das frühere Datum bei --from an.</translation>
    </message>
    <message>
        <source>the range is longer than ten years.</source>
        <translation>der Zeitraum ist länger als zehn Jahre.</translation>
    </message>
    <message>
        <source>Ask for a shorter range.</source>
        <translation>Frag nach einem kürzeren Zeitraum.</translation>
    </message>
    <message>
        <source>Sites are recognised from window titles as they are captured; apps that are not browsers are not listed.
A new site rule counts from the moment it exists: earlier browsing stays under &apos;Other browsing&apos; (titles are not stored, so history cannot be reclassified). Categories and names always follow the current rules.</source>
        <translation>Websites werden beim Erfassen an den Fenstertiteln erkannt; Apps, die keine Browser sind, fehlen hier.
Eine neue Website-Regel zählt ab dem Moment, in dem es sie gibt: früheres Surfen bleibt unter &apos;Other browsing&apos; (Titel werden nicht gespeichert, daher lässt sich der Verlauf nicht neu einordnen). Kategorien und Namen folgen immer den aktuellen Regeln.</translation>
    </message>
    <message>
        <source>rule problem: {problem}</source>
        <translation>Problem mit einer Regel: {problem}</translation>
    </message>
    <message>
        <source>App {app}, title {title}</source>
        <translation>App {app}, Titel {title}</translation>
    </message>
    <message>
        <source>App {app}</source>
        <translation>App {app}</translation>
    </message>
    <message>
        <source>Counts as</source>
        <translation>Zählt als</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Entschieden von</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Ignored: nothing is recorded for this app ([privacy] ignore_apps).</source>
        <translation>Ignoriert: Für diese App wird nichts aufgezeichnet ([privacy] ignore_apps).</translation>
    </message>
    <message>
        <source>Ignored: nothing is recorded for this app (a rule says ignore).</source>
        <translation>Ignoriert: Für diese App wird nichts aufgezeichnet (eine Regel sagt ignore).</translation>
    </message>
    <message>
        <source>{site_name} ({site}) in {app}</source>
        <translation>{site_name} ({site}) in {app}</translation>
    </message>
    <message>
        <source>{app}, no recognised website (listed as &apos;Other browsing&apos; by site)</source>
        <translation>{app}, keine erkannte Website (nach Website als &apos;Other browsing&apos; aufgeführt)</translation>
    </message>
    <message>
        <source>Private window: still counted, its title is never stored.</source>
        <translation>Privates Fenster: wird trotzdem gezählt, sein Titel wird nie gespeichert.</translation>
    </message>
    <message>
        <source>Note: a site rule counts from the moment it exists. Time recorded before that stays where it was: history without stored window titles cannot be reclassified. Categories and names do re-label history.</source>
        <translation>Hinweis: Eine Website-Regel zählt ab dem Moment, in dem es sie gibt. Zeit von davor bleibt, wo sie war: Verlauf ohne gespeicherte Fenstertitel lässt sich nicht neu einordnen. Kategorien und Namen gelten dagegen auch für den Verlauf.</translation>
    </message>
    <message>
        <source>Rule problems (a rule that cannot be used is left out; the others work):</source>
        <translation>Probleme mit Regeln (eine Regel, die sich nicht verwenden lässt, wird weggelassen; die anderen wirken):</translation>
    </message>
    <message>
        <source>Wrote {count} intervals of demo history from {first} to {end} into {folder}.</source>
        <translation>{count} Intervalle Demo-Verlauf vom {first} bis {end} in {folder} geschrieben.</translation>
    </message>
</context>
<context>
    <name>CliData</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>write all your data to a JSON file or a zip of CSV files</source>
        <translation>alle deine Daten in eine JSON-Datei oder ein ZIP mit CSV-Dateien schreiben</translation>
    </message>
    <message>
        <source>Write intervals, daily totals, limits, limit events and the self-experiment&apos;s answers to FILE (readable by you only).</source>
        <translation>Schreibt Intervalle, Tagessummen, Limits, Limit-Ereignisse und die Antworten des Selbstexperiments in DATEI (nur für dich lesbar).</translation>
    </message>
    <message>
        <source>json: one document; csv: a zip with a CSV file per table</source>
        <translation>json: ein Dokument; csv: ein ZIP mit einer CSV-Datei pro Tabelle</translation>
    </message>
    <message>
        <source>first day (default: the first recorded)</source>
        <translation>erster Tag (Standard: der erste aufgezeichnete)</translation>
    </message>
    <message>
        <source>last day (default: the last recorded)</source>
        <translation>letzter Tag (Standard: der letzte aufgezeichnete)</translation>
    </message>
    <message>
        <source>where to write (replaced if it exists)</source>
        <translation>wohin geschrieben wird (eine vorhandene Datei wird ersetzt)</translation>
    </message>
    <message>
        <source>bring back a wellbeing export, or history from ActivityWatch</source>
        <translation>einen wellbeing-Export zurückholen oder Verlauf aus ActivityWatch übernehmen</translation>
    </message>
    <message>
        <source>Import a wellbeing JSON export, or an ActivityWatch export (its web UI: Raw Data &gt; Export all buckets as JSON, or GET /api/0/export). Each ActivityWatch computer becomes a device &apos;&lt;hostname&gt; (ActivityWatch)&apos;. Importing again adds only what is new.</source>
        <translation>Importiert einen JSON-Export von wellbeing oder einen Export von ActivityWatch (in dessen Weboberfläche: Raw Data &gt; Export all buckets as JSON, oder GET /api/0/export). Jeder ActivityWatch-Computer wird zum Gerät &apos;&lt;hostname&gt; (ActivityWatch)&apos;. Erneutes Importieren fügt nur Neues hinzu.</translation>
    </message>
    <message>
        <source>the export file (.json)</source>
        <translation>die Exportdatei (.json)</translation>
    </message>
    <message>
        <source>what the file is (default: recognised from its content)</source>
        <translation>was für eine Datei es ist (Standard: an ihrem Inhalt erkannt)</translation>
    </message>
    <message>
        <source>read the file and say what would be imported; write nothing</source>
        <translation>die Datei lesen und sagen, was importiert würde; nichts schreiben</translation>
    </message>
    <message>
        <source>print the result as JSON</source>
        <translation>das Ergebnis als JSON ausgeben</translation>
    </message>
    <message>
        <source>{text} is not a real date in the form YYYY-MM-DD</source>
        <translation>{text} ist kein gültiges Datum der Form JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>--from {first} is after --to {last}</source>
        <translation>--from {first} liegt nach --to {last}</translation>
    </message>
    <message>
        <source>{folder} is a folder; give a file name, e.g. {folder}/wellbeing.json</source>
        <translation>{folder} ist ein Ordner; gib einen Dateinamen an, z. B. {folder}/wellbeing.json</translation>
    </message>
    <message>
        <source>cannot write {file}: {error}</source>
        <translation>{file} kann nicht geschrieben werden: {error}</translation>
    </message>
    <message>
        <source>Nothing was written; choose another place.</source>
        <translation>Nichts wurde geschrieben; wähle einen anderen Ort.</translation>
    </message>
    <message>
        <source>Wrote {file} ({format}, readable by you only): {counts}.</source>
        <translation>{file} geschrieben ({format}, nur für dich lesbar): {counts}.</translation>
    </message>
    <message>
        <source>Wrote {file} ({format}, readable by you only): no records.</source>
        <translation>{file} geschrieben ({format}, nur für dich lesbar): keine Einträge.</translation>
    </message>
    <message>
        <source>{count} intervals</source>
        <translation>{count} Intervalle</translation>
    </message>
    <message>
        <source>{count} daily totals</source>
        <translation>{count} Tagessummen</translation>
    </message>
    <message>
        <source>{count} limits</source>
        <translation>{count} Limits</translation>
    </message>
    <message>
        <source>{count} limit events</source>
        <translation>{count} Limit-Ereignisse</translation>
    </message>
    <message>
        <source>{count} experiments</source>
        <translation>{count} Experimente</translation>
    </message>
    <message>
        <source>{count} checkins</source>
        <translation>{count} Check-ins</translation>
    </message>
    <message>
        <source>{count} questionnaires</source>
        <translation>{count} Fragebögen</translation>
    </message>
    <message>
        <source>{count} phone reports</source>
        <translation>{count} Handy-Angaben</translation>
    </message>
    <message>
        <source>{count} prompts</source>
        <translation>{count} Abfragen</translation>
    </message>
    <message>
        <source>{device}: {time} of use</source>
        <translation>{device}: {time} Nutzung</translation>
    </message>
    <message>
        <source>{device}: {time} of use, {added} added</source>
        <translation>{device}: {time} Nutzung, {added} hinzugefügt</translation>
    </message>
    <message>
        <source>{file} holds no usage history.</source>
        <translation>{file} enthält keinen Nutzungsverlauf.</translation>
    </message>
    <message>
        <source>unknown format {format}</source>
        <translation>unbekanntes Format {format}</translation>
    </message>
    <message>
        <source>{path} is not a file</source>
        <translation>{path} ist keine Datei</translation>
    </message>
    <message>
        <source>Would import from {file}:</source>
        <translation>Würde aus {file} importieren:</translation>
    </message>
    <message>
        <source>Imported from {file}:</source>
        <translation>Aus {file} importiert:</translation>
    </message>
    <message>
        <source>{file} has no window history (no &apos;currentwindow&apos; bucket); nothing to import.</source>
        <translation>{file} hat keinen Fensterverlauf (kein &apos;currentwindow&apos;-Bucket); nichts zu importieren.</translation>
    </message>
    <message>
        <source>{device}: {window} window events, {afk} AFK events, {web} web events</source>
        <translation>{device}: {window} Fenster-Ereignisse, {afk} AFK-Ereignisse, {web} Web-Ereignisse</translation>
    </message>
    <message>
        <source>{time} of use</source>
        <translation>{time} Nutzung</translation>
    </message>
    <message>
        <source>{time} of use: {added} added, {there} already there</source>
        <translation>{time} Nutzung: {added} hinzugefügt, {there} schon vorhanden</translation>
    </message>
    <message>
        <source>no AFK bucket for this computer: all its window time counts</source>
        <translation>kein AFK-Bucket für diesen Computer: seine ganze Fensterzeit zählt</translation>
    </message>
    <message>
        <source>Left out (not window, AFK or browser history): {buckets}</source>
        <translation>Weggelassen (kein Fenster-, AFK- oder Browserverlauf): {buckets}</translation>
    </message>
    <message>
        <source>do not ask for confirmation</source>
        <translation>nicht nachfragen</translation>
    </message>
    <message>
        <source>delete a day, a range of days, or all your data</source>
        <translation>einen Tag, mehrere Tage oder alle deine Daten löschen</translation>
    </message>
    <message>
        <source>Says exactly what goes and asks before deleting (unless --yes). Days before today can be deleted while wellbeing runs; today and --all need it quit first.</source>
        <translation>Sagt genau, was gelöscht wird, und fragt vorher nach (außer mit --yes). Tage vor heute lassen sich löschen, während wellbeing läuft; für heute und --all muss es zuerst beendet sein.</translation>
    </message>
    <message>
        <source>everything recorded, with the automatic backups (settings stay)</source>
        <translation>alles Aufgezeichnete samt den automatischen Sicherungen (die Einstellungen bleiben)</translation>
    </message>
    <message>
        <source>one day</source>
        <translation>ein Tag</translation>
    </message>
    <message>
        <source>first day of a range (with --to)</source>
        <translation>erster Tag eines Zeitraums (mit --to)</translation>
    </message>
    <message>
        <source>last day of the range (default: today)</source>
        <translation>letzter Tag des Zeitraums (Standard: heute)</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>only this device&apos;s days</source>
        <translation>nur die Tage dieses Geräts</translation>
    </message>
    <message>
        <source>list the automatic backups, or go back to one</source>
        <translation>die automatischen Sicherungen auflisten oder zu einer zurückkehren</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>AKTION</translation>
    </message>
    <message>
        <source>the backups there are</source>
        <translation>die vorhandenen Sicherungen</translation>
    </message>
    <message>
        <source>go back to a backup (the database in use is kept beside it)</source>
        <translation>zu einer Sicherung zurückkehren (die benutzte Datenbank wird daneben aufbewahrt)</translation>
    </message>
    <message>
        <source>DATE|FILE</source>
        <translation>DATUM|DATEI</translation>
    </message>
    <message>
        <source>the backup&apos;s date, as &apos;list&apos; shows</source>
        <translation>das Datum der Sicherung, wie &apos;list&apos; es zeigt</translation>
    </message>
    <message>
        <source>what the app&apos;s Your data window uses: wait (up to a minute) for the running wellbeing to quit, do it, tell how it went in a notification, and start wellbeing again</source>
        <translation>was das Fenster „Deine Daten“ der App nutzt: warten (bis zu einer Minute), bis das laufende wellbeing beendet ist, es ausführen, in einer Benachrichtigung sagen, wie es ging, und wellbeing wieder starten</translation>
    </message>
    <message>
        <source>Wellbeing: nothing was changed</source>
        <translation>Wellbeing: Nichts wurde geändert</translation>
    </message>
    <message>
        <source>Add --yes to confirm; nothing was changed.</source>
        <translation>Bestätige mit --yes; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Type yes to go on: </source>
        <translation>Tippe ja, um weiterzumachen: </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Wellbeing: deleted</source>
        <translation>Wellbeing: gelöscht</translation>
    </message>
    <message>
        <source>--to goes with --from</source>
        <translation>--to gehört zu --from</translation>
    </message>
    <message>
        <source>This deletes {what}</source>
        <translation>Das löscht {what}</translation>
    </message>
    <message>
        <source>Nothing was deleted.</source>
        <translation>Nichts wurde gelöscht.</translation>
    </message>
    <message>
        <source>Deleted {intervals} intervals, {limits} limits, {events} limit events, {experiments} experiments and {backups} backups. Your settings stay.</source>
        <translation>{intervals} Intervalle, {limits} Limits, {events} Limit-Ereignisse, {experiments} Experimente und {backups} Sicherungen gelöscht. Deine Einstellungen bleiben.</translation>
    </message>
    <message>
        <source>Nothing recorded on those days: nothing to delete.</source>
        <translation>An diesen Tagen wurde nichts aufgezeichnet: nichts zu löschen.</translation>
    </message>
    <message>
        <source>Deleted {what}.</source>
        <translation>Gelöscht: {what}.</translation>
    </message>
    <message>
        <source>no device is named {name}</source>
        <translation>kein Gerät heißt {name}</translation>
    </message>
    <message>
        <source>Devices: {names}.</source>
        <translation>Geräte: {names}.</translation>
    </message>
    <message>
        <source>Devices: none.</source>
        <translation>Geräte: keine.</translation>
    </message>
    <message>
        <source>No backups yet in {folder} (one is made every day).</source>
        <translation>Noch keine Sicherungen in {folder} (jeden Tag wird eine angelegt).</translation>
    </message>
    <message>
        <source>Backups in {folder}:</source>
        <translation>Sicherungen in {folder}:</translation>
    </message>
    <message>
        <source>{date}  {size} MB</source>
        <translation>{date}  {size} MB</translation>
    </message>
    <message>
        <source>Wellbeing: backup restored</source>
        <translation>Wellbeing: Sicherung zurückgeholt</translation>
    </message>
    <message>
        <source>This replaces the database in use ({database}) with the backup {backup}; the one in use is kept beside it</source>
        <translation>Das ersetzt die benutzte Datenbank ({database}) durch die Sicherung {backup}; die benutzte wird daneben aufbewahrt</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Restored the backup {backup} to {database}. The database you had is kept as {kept}.</source>
        <translation>Die Sicherung {backup} ist nach {database} zurückgeholt. Deine bisherige Datenbank ist als {kept} aufbewahrt.</translation>
    </message>
    <message>
        <source>Restored the backup {backup} to {database}.</source>
        <translation>Die Sicherung {backup} ist nach {database} zurückgeholt.</translation>
    </message>
</context>
<context>
    <name>CliDesktop</name>
    <message>
        <source>start wellbeing when you log in (on|off|status)</source>
        <translation>wellbeing bei der Anmeldung starten (on|off|status)</translation>
    </message>
    <message>
        <source>print the state as JSON</source>
        <translation>den Zustand als JSON ausgeben</translation>
    </message>
    <message>
        <source>cannot change {where}: {error}</source>
        <translation>{where} lässt sich nicht ändern: {error}</translation>
    </message>
    <message>
        <source>wellbeing starts when you log in ({where}).</source>
        <translation>wellbeing startet bei der Anmeldung ({where}).</translation>
    </message>
    <message>
        <source>wellbeing does not start when you log in.</source>
        <translation>wellbeing startet nicht bei der Anmeldung.</translation>
    </message>
    <message>
        <source>move the data folder (database, settings, backups) elsewhere</source>
        <translation>den Datenordner (Datenbank, Einstellungen, Sicherungen) an einen anderen Ort verschieben</translation>
    </message>
    <message>
        <source>Moves the whole data folder to FOLDER (new or empty) and makes every later start use it. Says what moves and asks first (unless --yes). Wellbeing must not be running (the app&apos;s Settings window uses --restart-app).</source>
        <translation>Verschiebt den ganzen Datenordner nach ORDNER (neu oder leer) und lässt jeden späteren Start ihn benutzen. Sagt, was verschoben wird, und fragt vorher nach (außer mit --yes). Wellbeing darf dabei nicht laufen (das Einstellungsfenster der App nutzt --restart-app).</translation>
    </message>
    <message>
        <source>FOLDER</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>a new or empty folder</source>
        <translation>ein neuer oder leerer Ordner</translation>
    </message>
    <message>
        <source>do not ask for confirmation</source>
        <translation>nicht nachfragen</translation>
    </message>
    <message>
        <source>Wellbeing: data moved</source>
        <translation>Wellbeing: Daten verschoben</translation>
    </message>
    <message>
        <source>Nothing was moved.</source>
        <translation>Nichts wurde verschoben.</translation>
    </message>
    <message>
        <source>Moved your data to {folder}. The old folder is kept as {kept}; delete it when you are sure.</source>
        <translation>Deine Daten sind jetzt in {folder}. Der alte Ordner ist als {kept} aufbewahrt; lösche ihn, wenn du sicher bist.</translation>
    </message>
    <message>
        <source>Moved your data to {folder}.</source>
        <translation>Deine Daten sind jetzt in {folder}.</translation>
    </message>
    <message>
        <source>start the tray app again once the running one has quit</source>
        <translation>die Panel-App wieder starten, sobald die laufende beendet ist</translation>
    </message>
    <message>
        <source>Waits (up to a minute) for the running wellbeing of this data folder to quit, then starts the tray app again: what Settings&apos; &quot;Restart Wellbeing now&quot; runs.</source>
        <translation>Wartet (bis zu einer Minute), bis das laufende wellbeing dieses Datenordners beendet ist, und startet dann die Panel-App wieder: das, was „Wellbeing jetzt neu starten“ in den Einstellungen ausführt.</translation>
    </message>
</context>
<context>
    <name>CliExperiment</name>
    <message>
        <source>baseline</source>
        <translation>Ausgangswoche</translation>
    </message>
    <message>
        <source>limited</source>
        <translation>begrenzte Woche</translation>
    </message>
    <message>
        <source>usual</source>
        <translation>normale Woche</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>Nachbeobachtung</translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation>noch nicht begonnen</translation>
    </message>
    <message>
        <source>run a self-experiment: a baseline week, then limited weeks, with check-ins</source>
        <translation>ein Selbstexperiment machen: eine Ausgangswoche, dann begrenzte Wochen, mit Check-ins</translation>
    </message>
    <message>
        <source>Find out, on yourself, whether using social media less makes you feel better: a baseline week of tracking, then weeks with a daily limit on each chosen platform, with an evening check-in and weekly questionnaires. Not medical advice.</source>
        <translation>Finde an dir selbst heraus, ob du dich besser fühlst, wenn du soziale Medien weniger nutzt: eine Ausgangswoche mit Aufzeichnung, dann Wochen mit einem Tageslimit für jede gewählte Plattform, mit einem Check-in am Abend und wöchentlichen Fragebögen. Keine medizinische Beratung.</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>AKTION</translation>
    </message>
    <message>
        <source>set up and start an experiment</source>
        <translation>ein Experiment einrichten und starten</translation>
    </message>
    <message>
        <source>classic: 1 baseline week, 3 limited weeks; randomized: limited and usual weeks in a random order within pairs (stronger evidence)</source>
        <translation>classic: 1 Ausgangswoche, 3 begrenzte Wochen; randomized: begrenzte und normale Wochen in zufälliger Reihenfolge innerhalb von Paaren (stärkere Belege)</translation>
    </message>
    <message>
        <source>comma-separated sites or apps, e.g. instagram.com,facebook.com</source>
        <translation>Websites oder Apps, durch Kommas getrennt, z. B. instagram.com,facebook.com</translation>
    </message>
    <message>
        <source>daily limit per target (default 10m)</source>
        <translation>Tageslimit pro Ziel (Standard 10m)</translation>
    </message>
    <message>
        <source>evening check-in time (HH:MM)</source>
        <translation>Uhrzeit des Check-ins am Abend (HH:MM)</translation>
    </message>
    <message>
        <source>the main question, chosen now so the report cannot cherry-pick</source>
        <translation>die Hauptfrage, schon jetzt gewählt, damit sich der Bericht nichts Passendes heraussuchen kann</translation>
    </message>
    <message>
        <source>first day of the baseline (default today)</source>
        <translation>erster Tag der Ausgangswoche (Standard heute)</translation>
    </message>
    <message>
        <source>classic only: one more week with the limits off</source>
        <translation>nur classic: eine weitere Woche ohne Limits</translation>
    </message>
    <message>
        <source>randomized only: pairs of weeks (2 to 4, default 2)</source>
        <translation>nur randomized: Wochenpaare (2 bis 4, Standard 2)</translation>
    </message>
    <message>
        <source>short daytime prompts (mood right now) at random times, 2 h apart</source>
        <translation>kurze Abfragen am Tag (Stimmung gerade) zu zufälligen Zeiten, mindestens 2 h auseinander</translation>
    </message>
    <message>
        <source>the day it is for (default today)</source>
        <translation>der Tag, für den es gilt (Standard heute)</translation>
    </message>
    <message>
        <source>the evening check-in (0-10 each)</source>
        <translation>der Check-in am Abend (je 0-10)</translation>
    </message>
    <message>
        <source>an optional note</source>
        <translation>eine Notiz, wenn du willst</translation>
    </message>
    <message>
        <source>answer a weekly questionnaire</source>
        <translation>einen Wochenfragebogen beantworten</translation>
    </message>
    <message>
        <source>the answers&apos; values in item order, e.g. 3,2,1,3,2</source>
        <translation>die Werte der Antworten in der Reihenfolge der Fragen, z. B. 3,2,1,3,2</translation>
    </message>
    <message>
        <source>answer the daytime prompt open now (0-10)</source>
        <translation>die gerade offene Abfrage am Tag beantworten (0-10)</translation>
    </message>
    <message>
        <source>your mood right now, 0-10</source>
        <translation>deine Stimmung gerade, 0-10</translation>
    </message>
    <message>
        <source>screen time read off your phone for a target</source>
        <translation>die am Handy abgelesene Bildschirmzeit für ein Ziel</translation>
    </message>
    <message>
        <source>minutes a day</source>
        <translation>Minuten am Tag</translation>
    </message>
    <message>
        <source>day, phase, adherence and check-ins</source>
        <translation>Tag, Phase, Einhaltung und Check-ins</translation>
    </message>
    <message>
        <source>what changed (so far, while it runs)</source>
        <translation>was sich verändert hat (bisher, solange es läuft)</translation>
    </message>
    <message>
        <source>CSV and JSON of the whole experiment</source>
        <translation>CSV und JSON des ganzen Experiments</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>ein Ordner</translation>
    </message>
    <message>
        <source>end it now: all data is kept, its limits go</source>
        <translation>jetzt beenden: alle Daten bleiben, seine Limits fallen weg</translation>
    </message>
    <message>
        <source>Started: day 1 of {days}. The baseline week starts {first}: use your computer as usual; check in each evening.</source>
        <translation>Gestartet: Tag 1 von {days}. Die Ausgangswoche beginnt am {first}: Nutze deinen Computer wie gewohnt; mach jeden Abend deinen Check-in.</translation>
    </message>
    <message>
        <source>This is not medical advice. Need help now? {url}</source>
        <translation>Dies ist keine medizinische Beratung. Brauchst du jetzt Hilfe? {url}</translation>
    </message>
    <message>
        <source>Check-in for {day} saved.</source>
        <translation>Check-in für {day} gespeichert.</translation>
    </message>
    <message>
        <source>Check-in for {day} saved (marked late).</source>
        <translation>Check-in für {day} gespeichert (als verspätet markiert).</translation>
    </message>
    <message>
        <source>Check-in for {day} replaced the earlier one.</source>
        <translation>Check-in für {day} hat den früheren ersetzt.</translation>
    </message>
    <message>
        <source>Check-in for {day} replaced the earlier one (marked late).</source>
        <translation>Check-in für {day} hat den früheren ersetzt (als verspätet markiert).</translation>
    </message>
    <message>
        <source>Answer {number} ({text}) is not a whole number.</source>
        <translation>Antwort {number} ({text}) ist keine ganze Zahl.</translation>
    </message>
    <message>
        <source>{questionnaire}: {score} ({band}). Saved.</source>
        <translation>{questionnaire}: {score} ({band}). Gespeichert.</translation>
    </message>
    <message>
        <source>{questionnaire}: {score}. Saved.</source>
        <translation>{questionnaire}: {score}. Gespeichert.</translation>
    </message>
    <message>
        <source>Prompt {number} of today saved.</source>
        <translation>Abfrage {number} von heute gespeichert.</translation>
    </message>
    <message>
        <source>Phone time for {target} saved (self-reported).</source>
        <translation>Handyzeit für {target} gespeichert (selbst angegeben).</translation>
    </message>
    <message>
        <source>No experiment yet. Start one with &apos;wellbeing experiment start&apos;.</source>
        <translation>Noch kein Experiment. Starte eins mit &apos;wellbeing experiment start&apos;.</translation>
    </message>
    <message>
        <source>Experiment ({design}, main question: {primary}): finished.</source>
        <translation>Experiment ({design}, Hauptfrage: {primary}): abgeschlossen.</translation>
    </message>
    <message>
        <source>Experiment ({design}, main question: {primary}): abandoned.</source>
        <translation>Experiment ({design}, Hauptfrage: {primary}): abgebrochen.</translation>
    </message>
    <message>
        <source>Experiment ({design}, main question: {primary}): running.</source>
        <translation>Experiment ({design}, Hauptfrage: {primary}): läuft.</translation>
    </message>
    <message>
        <source>Day {day} of {days}; phase: {phase}.</source>
        <translation>Tag {day} von {days}; Phase: {phase}.</translation>
    </message>
    <message>
        <source>Days within the limits: {within} of {days}.</source>
        <translation>Tage innerhalb der Limits: {within} von {days}.</translation>
    </message>
    <message>
        <source>Check-ins: {done} done; missing: {missing}.</source>
        <translation>Check-ins: {done} erledigt; es fehlen: {missing}.</translation>
    </message>
    <message>
        <source>Check-ins: {done} done; missing: none.</source>
        <translation>Check-ins: {done} erledigt; keiner fehlt.</translation>
    </message>
    <message>
        <source>Due: the {questionnaire} questionnaire (for {day}).</source>
        <translation>Fällig: der Fragebogen {questionnaire} (für {day}).</translation>
    </message>
    <message>
        <source>not enough data</source>
        <translation>zu wenige Daten</translation>
    </message>
    <message>
        <source>{difference} (95% range {low} to {high})</source>
        <translation>{difference} (95-%-Bereich {low} bis {high})</translation>
    </message>
    <message>
        <source>{measure} baseline {baseline}  limited {limited}  difference {difference}</source>
        <translation>{measure} Ausgangsphase {baseline}  begrenzt {limited}  Unterschied {difference}</translation>
    </message>
    <message>
        <source>Wrote {count} files to {folder}.</source>
        <translation>{count} Dateien nach {folder} geschrieben.</translation>
    </message>
    <message>
        <source>The experiment is ended. Everything you answered is kept; its limits are gone.</source>
        <translation>Das Experiment ist beendet. Alles, was du beantwortet hast, bleibt erhalten; seine Limits sind weg.</translation>
    </message>
    <message>
        <source>{text} is not a date (YYYY-MM-DD)</source>
        <translation>{text} ist kein Datum (JJJJ-MM-TT)</translation>
    </message>
    <message>
        <source>{text} is not a time of day (HH:MM).</source>
        <translation>{text} ist keine Uhrzeit (HH:MM).</translation>
    </message>
</context>
<context>
    <name>CliLimits</name>
    <message>
        <source>an app key (as &apos;report --json&apos; shows it), a site&apos;s domain (instagram.com), category:NAME, or total</source>
        <translation>ein App-Schlüssel (wie &apos;report --json&apos; ihn zeigt), die Domain einer Website (instagram.com), category:NAME oder total</translation>
    </message>
    <message>
        <source>TARGET</source>
        <translation>ZIEL</translation>
    </message>
    <message>
        <source>list, set, remove or lock daily limits, and set downtime</source>
        <translation>Tageslimits auflisten, festlegen, entfernen oder sperren und die Auszeit festlegen</translation>
    </message>
    <message>
        <source>Daily limits on an app, a site, a category or total screen time. A locked limit can be made stricter but not looser until its date; with cooling-off, loosening a limit takes effect 24 hours later.</source>
        <translation>Tageslimits für eine App, eine Website, eine Kategorie oder die gesamte Bildschirmzeit. Ein gesperrtes Limit kann bis zu seinem Datum verschärft, aber nicht gelockert werden; mit Bedenkzeit gilt das Lockern eines Limits erst 24 Stunden später.</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>AKTION</translation>
    </message>
    <message>
        <source>every limit with today&apos;s use against it</source>
        <translation>jedes Limit mit der heutigen Nutzung daneben</translation>
    </message>
    <message>
        <source>print a JSON list (see README)</source>
        <translation>eine JSON-Liste ausgeben (siehe README)</translation>
    </message>
    <message>
        <source>set a daily limit (only the given days of an existing one with --days)</source>
        <translation>ein Tageslimit festlegen (mit --days nur die genannten Tage eines vorhandenen)</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DAUER</translation>
    </message>
    <message>
        <source>like 10m, 1h30m or 90s</source>
        <translation>etwa 10m, 1h30m oder 90s</translation>
    </message>
    <message>
        <source>DAYS</source>
        <translation>TAGE</translation>
    </message>
    <message>
        <source>the weekdays it applies to: mon-fri, sat,sun, weekdays, daily (default: every day); other days of an existing limit stay</source>
        <translation>die Wochentage, an denen es gilt: mon-fri, sat,sun, weekdays, daily (Standard: jeden Tag); andere Tage eines vorhandenen Limits bleiben</translation>
    </message>
    <message>
        <source>notify (notifications), nag (a &apos;Time&apos;s up&apos; screen) or block (the screen, no &apos;ignore&apos;); default: unchanged, notify for a new limit</source>
        <translation>notify (Benachrichtigungen), nag (ein „Zeit ist um“-Bildschirm) oder block (der Bildschirm, ohne „Ignorieren“); Standard: unverändert, notify bei einem neuen Limit</translation>
    </message>
    <message>
        <source>make loosening this limit take effect 24 hours later</source>
        <translation>das Lockern dieses Limits erst 24 Stunden später gelten lassen</translation>
    </message>
    <message>
        <source>remove a limit (not a locked one)</source>
        <translation>ein Limit entfernen (kein gesperrtes)</translation>
    </message>
    <message>
        <source>lock a limit: stricter only, until a date</source>
        <translation>ein Limit sperren: bis zu einem Datum nur strenger</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>the last day of the lock (inclusive)</source>
        <translation>der letzte Tag der Sperre (einschließlich)</translation>
    </message>
    <message>
        <source>a daily quiet time in which everything not allowed is held back</source>
        <translation>eine tägliche Ruhezeit, in der alles nicht Erlaubte zurückgehalten wird</translation>
    </message>
    <message>
        <source>HH:MM-HH:MM|off</source>
        <translation>HH:MM-HH:MM|off</translation>
    </message>
    <message>
        <source>e.g. 23:00-07:00 (across midnight is fine), or off</source>
        <translation>z. B. 23:00-07:00 (über Mitternacht geht), oder off</translation>
    </message>
    <message>
        <source>targets always allowed during downtime ({targets})</source>
        <translation>Ziele, die während der Auszeit immer erlaubt sind ({targets})</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Downtime: {downtime}</source>
        <translation>Auszeit: {downtime}</translation>
    </message>
    <message>
        <source>Removed the limit on {target}.</source>
        <translation>Das Limit für {target} ist entfernt.</translation>
    </message>
    <message>
        <source>there is no limit on {target} to lock; set one first with &apos;wellbeing limits set {target} DURATION&apos;</source>
        <translation>für {target} gibt es kein Limit zum Sperren; lege zuerst eins fest mit &apos;wellbeing limits set {target} DAUER&apos;</translation>
    </message>
    <message>
        <source>--allow makes no sense with &apos;off&apos;</source>
        <translation>--allow ergibt mit &apos;off&apos; keinen Sinn</translation>
    </message>
    <message>
        <source>Downtime is off.</source>
        <translation>Die Auszeit ist aus.</translation>
    </message>
    <message>
        <source>&apos;{names}&apos; has an empty name; separate names with commas</source>
        <translation>&apos;{names}&apos; enthält einen leeren Namen; trenne Namen mit Kommas</translation>
    </message>
    <message>
        <source>Downtime set: {downtime}.</source>
        <translation>Auszeit festgelegt: {downtime}.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a real date in the form YYYY-MM-DD</source>
        <translation>&apos;{text}&apos; ist kein gültiges Datum der Form JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>the lock date {until} is in the past (today is {today}); give today or a later day</source>
        <translation>das Sperrdatum {until} liegt in der Vergangenheit (heute ist der {today}); gib heute oder einen späteren Tag an</translation>
    </message>
    <message>
        <source>No limit on {target}.</source>
        <translation>Kein Limit für {target}.</translation>
    </message>
    <message>
        <source>Limit on {target}: {limit}.</source>
        <translation>Limit für {target}: {limit}.</translation>
    </message>
    <message>
        <source>Cooling-off: the looser part takes effect 24 hours after it was asked for; the stricter part applies now.</source>
        <translation>Bedenkzeit: Der lockerere Teil gilt 24 Stunden, nachdem er verlangt wurde; der strengere Teil gilt sofort.</translation>
    </message>
    <message>
        <source>{used} (no limit today)</source>
        <translation>{used} (heute kein Limit)</translation>
    </message>
    <message>
        <source>{used} of {allowed}</source>
        <translation>{used} von {allowed}</translation>
    </message>
    <message>
        <source>No limits yet. Set one with: wellbeing limits set TARGET DURATION (e.g. wellbeing limits set instagram.com 10m --days mon-fri)</source>
        <translation>Noch keine Limits. Lege eins fest mit: wellbeing limits set ZIEL DAUER (z. B. wellbeing limits set instagram.com 10m --days mon-fri)</translation>
    </message>
    <message>
        <source>TODAY</source>
        <translation>HEUTE</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>MODUS</translation>
    </message>
    <message>
        <source>LOCK</source>
        <translation>SPERRE</translation>
    </message>
    <message>
        <source>PENDING</source>
        <translation>AUSSTEHEND</translation>
    </message>
    <message>
        <source>until {day}</source>
        <translation>bis {day}</translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <source>{path}: cannot be read ({reason}).</source>
        <translation>{path}: kann nicht gelesen werden ({reason}).</translation>
    </message>
    <message>
        <source>Fix or move the file away, then try again.</source>
        <translation>Korrigiere die Datei oder verschiebe sie, dann versuche es noch einmal.</translation>
    </message>
    <message>
        <source>{path}: not valid TOML: {reason}.</source>
        <translation>{path}: kein gültiges TOML: {reason}.</translation>
    </message>
    <message>
        <source>Fix the file by hand (Edit settings file…).</source>
        <translation>Korrigiere die Datei von Hand (Einstellungsdatei bearbeiten…).</translation>
    </message>
    <message>
        <source>{path}: the file is not UTF-8 text ({reason}).</source>
        <translation>{path}: Die Datei ist kein UTF-8-Text ({reason}).</translation>
    </message>
    <message>
        <source>Save it as UTF-8, or move it away to use the defaults.</source>
        <translation>Speichere sie als UTF-8 oder verschiebe sie, um die Standardwerte zu nutzen.</translation>
    </message>
    <message>
        <source>Fix the file&apos;s permissions, or move it away to use the defaults.</source>
        <translation>Korrigiere die Zugriffsrechte der Datei oder verschiebe sie, um die Standardwerte zu nutzen.</translation>
    </message>
    <message>
        <source>Fix that line (see the example in the README), or move the file away to use the defaults.</source>
        <translation>Korrigiere diese Zeile (siehe das Beispiel in der README) oder verschiebe die Datei, um die Standardwerte zu nutzen.</translation>
    </message>
    <message>
        <source>unknown section or key {key} (known: {known})</source>
        <translation>unbekannter Abschnitt oder Schlüssel {key} (bekannt: {known})</translation>
    </message>
    <message>
        <source>must be &quot;auto&quot; or a backend name such as &quot;x11&quot;, not {value}</source>
        <translation>muss &quot;auto&quot; oder der Name eines Backends wie &quot;x11&quot; sein, nicht {value}</translation>
    </message>
    <message>
        <source>must be &quot;system&quot;, &quot;light&quot; or &quot;dark&quot;, not {value}</source>
        <translation>muss &quot;system&quot;, &quot;light&quot; oder &quot;dark&quot; sein, nicht {value}</translation>
    </message>
    <message>
        <source>must be empty (the data folder&apos;s own file) or a database URL such as &quot;postgresql+psycopg://me@server/wellbeing&quot;, not {value}</source>
        <translation>muss leer sein (die eigene Datei im Datenordner) oder eine Datenbank-URL wie &quot;postgresql+psycopg://ich@server/wellbeing&quot;, nicht {value}</translation>
    </message>
    <message>
        <source>colour must look like &quot;#e4405f&quot;, not {value}</source>
        <translation>die Farbe muss wie &quot;#e4405f&quot; aussehen, nicht {value}</translation>
    </message>
    <message>
        <source>rules must be written as [[rules]] tables</source>
        <translation>Regeln müssen als [[rules]]-Tabellen geschrieben werden</translation>
    </message>
    <message>
        <source>{path}, line {line}</source>
        <translation>{path}, Zeile {line}</translation>
    </message>
    <message>
        <source>Fix the value, or remove it to use the default.</source>
        <translation>Korrigiere den Wert oder entferne ihn, um den Standardwert zu nutzen.</translation>
    </message>
    <message>
        <source>[{name}] must be a table</source>
        <translation>[{name}] muss eine Tabelle sein</translation>
    </message>
    <message>
        <source>unknown setting (known: {known})</source>
        <translation>unbekannte Einstellung (bekannt: {known})</translation>
    </message>
    <message>
        <source>must be a number, not {value}</source>
        <translation>muss eine Zahl sein, nicht {value}</translation>
    </message>
    <message>
        <source>must be a whole number, not {value}</source>
        <translation>muss eine ganze Zahl sein, nicht {value}</translation>
    </message>
    <message>
        <source>must be between {low} and {high}, not {value}</source>
        <translation>muss zwischen {low} und {high} liegen, nicht {value}</translation>
    </message>
    <message>
        <source>must be true or false, not {value}</source>
        <translation>muss true oder false sein, nicht {value}</translation>
    </message>
    <message>
        <source>must be a day such as &quot;mon&quot; or &quot;monday&quot;, not {value}</source>
        <translation>muss ein Tag wie &quot;mon&quot; oder &quot;monday&quot; sein, nicht {value}</translation>
    </message>
    <message>
        <source>must be a time of day such as &quot;09:00&quot;, not {value}</source>
        <translation>muss eine Uhrzeit wie &quot;09:00&quot; sein, nicht {value}</translation>
    </message>
    <message>
        <source>must be a list of app names like [&quot;keepassxc&quot;], not {value}</source>
        <translation>muss eine Liste von App-Namen wie [&quot;keepassxc&quot;] sein, nicht {value}</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>Apps</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Websites</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>{name}, {time}, {percent}% of the total</source>
        <translation>{name}, {time}, {percent} % der Gesamtzeit</translation>
    </message>
    <message>
        <source>Other browsing ({app})</source>
        <translation>Sonstiges Surfen ({app})</translation>
    </message>
    <message>
        <source>Most used sites</source>
        <translation>Meistbesuchte Websites</translation>
    </message>
    <message>
        <source>Most used categories</source>
        <translation>Meistgenutzte Kategorien</translation>
    </message>
    <message>
        <source>Most used apps</source>
        <translation>Meistgenutzte Apps</translation>
    </message>
    <message>
        <source>Sites on {day}</source>
        <translation>Websites am {day}</translation>
    </message>
    <message>
        <source>Categories on {day}</source>
        <translation>Kategorien am {day}</translation>
    </message>
    <message>
        <source>Apps on {day}</source>
        <translation>Apps am {day}</translation>
    </message>
    <message>
        <source>Today: {time}</source>
        <translation>Heute: {time}</translation>
    </message>
    <message>
        <source>Tracking has started — today so far: {time}</source>
        <translation>Die Aufzeichnung läuft — heute bisher: {time}</translation>
    </message>
    <message>
        <source>Daily average</source>
        <translation>Tagesdurchschnitt</translation>
    </message>
    <message>
        <source>Screen time</source>
        <translation>Bildschirmzeit</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Letzte Woche</translation>
    </message>
    <message>
        <source>Same as last week</source>
        <translation>Wie letzte Woche</translation>
    </message>
    <message>
        <source>Same as last month</source>
        <translation>Wie letzten Monat</translation>
    </message>
    <message>
        <source>Same as the day before</source>
        <translation>Wie am Vortag</translation>
    </message>
    <message>
        <source>{arrow} {percent}% from last week</source>
        <translation>{arrow} {percent} % gegenüber letzter Woche</translation>
    </message>
    <message>
        <source>{arrow} {percent}% from last month</source>
        <translation>{arrow} {percent} % gegenüber letztem Monat</translation>
    </message>
    <message>
        <source>{arrow} {percent}% from the day before</source>
        <translation>{arrow} {percent} % gegenüber dem Vortag</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Vorheriger Tag</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Nächster Tag</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Vorherige Woche</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Nächste Woche</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Vorheriger Monat</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Nächster Monat</translation>
    </message>
</context>
<context>
    <name>DashboardLimits</name>
    <message>
        <source>Select an item first</source>
        <translation>Wähle zuerst einen Eintrag aus</translation>
    </message>
    <message>
        <source>Browsing outside the listed sites cannot have a limit of its own</source>
        <translation>Surfen außerhalb der aufgeführten Websites kann kein eigenes Limit haben</translation>
    </message>
    <message>
        <source>Uncategorised use cannot have a limit; limit its apps instead</source>
        <translation>Nicht kategorisierte Nutzung kann kein Limit haben; begrenze stattdessen ihre Apps</translation>
    </message>
    <message>
        <source>See limits</source>
        <translation>Limits ansehen</translation>
    </message>
    <message>
        <source>Set a daily limit for the selected item</source>
        <translation>Ein tägliches Limit für den ausgewählten Eintrag festlegen</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Your Activity — Wellbeing</source>
        <translation>Deine Aktivität — Wellbeing</translation>
    </message>
    <message>
        <source>Your Activity</source>
        <translation>Deine Aktivität</translation>
    </message>
    <message>
        <source>Show {lower}</source>
        <translation>{0} anzeigen</translation>
    </message>
    <message>
        <source>{} view</source>
        <translation>Ansicht {}</translation>
    </message>
    <message>
        <source>Go to date</source>
        <translation>Zu Datum springen</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Zu heute springen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Your charts fill in as you use your computer. Come back tomorrow to compare days.</source>
        <translation>Deine Diagramme füllen sich, während du deinen Computer benutzt. Schau morgen wieder vorbei, um Tage zu vergleichen.</translation>
    </message>
    <message>
        <source>Show day</source>
        <translation>Tag anzeigen</translation>
    </message>
    <message>
        <source>Show the selected day</source>
        <translation>Den ausgewählten Tag anzeigen</translation>
    </message>
    <message>
        <source>First use</source>
        <translation>Erste Nutzung</translation>
    </message>
    <message>
        <source>Last use</source>
        <translation>Letzte Nutzung</translation>
    </message>
    <message>
        <source>Longest stretch</source>
        <translation>Längste Sitzung</translation>
    </message>
    <message>
        <source>Usage list</source>
        <translation>Nutzungsliste</translation>
    </message>
    <message>
        <source>Nothing recorded here yet.</source>
        <translation>Hier ist noch nichts aufgezeichnet.</translation>
    </message>
    <message>
        <source>Set limit…</source>
        <translation>Limit festlegen…</translation>
    </message>
    <message>
        <source>Set limit</source>
        <translation>Limit festlegen</translation>
    </message>
    <message>
        <source>Export chart as PNG…</source>
        <translation>Diagramm als PNG exportieren…</translation>
    </message>
    <message>
        <source>Export list as CSV…</source>
        <translation>Liste als CSV exportieren…</translation>
    </message>
    <message>
        <source>Your data: export everything, import, delete…</source>
        <translation>Deine Daten: alles exportieren, importieren, löschen…</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Legend: {names}</source>
        <translation>Legende: {names}</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>Liste exportieren</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-Datei (*.csv)</translation>
    </message>
</context>
<context>
    <name>Data</name>
    <message>
        <source>cannot read {path}: {error}</source>
        <translation>{path} kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>{file} ends before its JSON does ({where}): the file is cut short; export it again</source>
        <translation>{file} endet vor seinem JSON ({where}): Die Datei ist abgeschnitten; exportiere sie noch einmal</translation>
    </message>
    <message>
        <source>{file} is not valid JSON ({where}): {error}</source>
        <translation>{file} ist kein gültiges JSON ({where}): {error}</translation>
    </message>
    <message>
        <source>{file} is not valid JSON (near byte {offset}): {error}</source>
        <translation>{file} ist kein gültiges JSON (nahe Byte {offset}): {error}</translation>
    </message>
    <message>
        <source>bucket {bucket}, event {index} (near byte {offset}): {reason}</source>
        <translation>Bucket {bucket}, Ereignis {index} (nahe Byte {offset}): {reason}</translation>
    </message>
    <message>
        <source>no timestamp</source>
        <translation>kein Zeitstempel</translation>
    </message>
    <message>
        <source>the timestamp {stamp} is not an ISO 8601 date and time</source>
        <translation>der Zeitstempel {stamp} ist kein Datum mit Uhrzeit nach ISO 8601</translation>
    </message>
    <message>
        <source>no duration in seconds</source>
        <translation>keine Dauer in Sekunden</translation>
    </message>
    <message>
        <source>the duration {duration} is not a number of seconds &gt;= 0</source>
        <translation>die Dauer {duration} ist keine Zahl von Sekunden &gt;= 0</translation>
    </message>
    <message>
        <source>{file} is not an ActivityWatch export: it has no &quot;buckets&quot; (export from ActivityWatch&apos;s web UI: Raw Data &gt; Export all buckets as JSON)</source>
        <translation>{file} ist kein Export von ActivityWatch: Er hat keine &quot;buckets&quot; (exportiere in der Weboberfläche von ActivityWatch: Raw Data &gt; Export all buckets as JSON)</translation>
    </message>
    <message>
        <source>{file}: bucket {bucket} is not an object</source>
        <translation>{file}: Bucket {bucket} ist kein Objekt</translation>
    </message>
    <message>
        <source>wellbeing is running for this data folder (pid {pid}); it cannot be deleted meanwhile.</source>
        <translation>wellbeing läuft für diesen Datenordner (PID {pid}); solange kann nichts gelöscht werden.</translation>
    </message>
    <message>
        <source>wellbeing is running for this data folder (pid {pid}); it cannot be deleted from today meanwhile.</source>
        <translation>wellbeing läuft für diesen Datenordner (PID {pid}); solange kann nichts von heute gelöscht werden.</translation>
    </message>
    <message>
        <source>wellbeing is running for this data folder (pid {pid}); it cannot be moved meanwhile.</source>
        <translation>wellbeing läuft für diesen Datenordner (PID {pid}); solange kann er nicht verschoben werden.</translation>
    </message>
    <message>
        <source>wellbeing is running for this data folder (pid {pid}); it cannot be restarted meanwhile.</source>
        <translation>wellbeing läuft für diesen Datenordner (PID {pid}); solange kann es nicht neu gestartet werden.</translation>
    </message>
    <message>
        <source>wellbeing is running for this data folder (pid {pid}); it cannot be restored meanwhile.</source>
        <translation>wellbeing läuft für diesen Datenordner (PID {pid}); solange kann keine Sicherung zurückgeholt werden.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Quit it first (tray menu &gt; Quit, or Ctrl+C for &apos;wellbeing track&apos;), then try again.</source>
        <translation>Beende es zuerst (Menü im Panel &gt; Beenden, oder Strg+C bei &apos;wellbeing track&apos;) und versuche es dann noch einmal.</translation>
    </message>
    <message>
        <source>{intervals} intervals ({use} of use) on {days}, from {first}, on {device}</source>
        <translation>{intervals} Intervalle ({use} Nutzung) an {days}, vom {first}, auf {device}</translation>
    </message>
    <message>
        <source>{intervals} intervals ({use} of use) on {days}, from {first}, on every device</source>
        <translation>{intervals} Intervalle ({use} Nutzung) an {days}, vom {first}, auf allen Geräten</translation>
    </message>
    <message>
        <source>{intervals} intervals ({use} of use) on {days}, from {first} to {last}, on {device}</source>
        <translation>{intervals} Intervalle ({use} Nutzung) an {days}, vom {first} bis {last}, auf {device}</translation>
    </message>
    <message>
        <source>{intervals} intervals ({use} of use) on {days}, from {first} to {last}, on every device</source>
        <translation>{intervals} Intervalle ({use} Nutzung) an {days}, vom {first} bis {last}, auf allen Geräten</translation>
    </message>
    <message>
        <source>{usage} and {count} limit events of those days</source>
        <translation>{usage} und {count} Limit-Ereignisse dieser Tage</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>{count} days</source>
        <translation>{count} Tagen</translation>
    </message>
    <message>
        <source>everything wellbeing recorded: {intervals} intervals ({use} of use on {days}), {limits} limits and the downtime, {events} limit events, {experiments} self-experiments with {answers} answers, and {backups} automatic backups in {folder}. Your settings ({settings}) stay</source>
        <translation>alles, was wellbeing aufgezeichnet hat: {intervals} Intervalle ({use} Nutzung an {days}), {limits} Limits und die Auszeit, {events} Limit-Ereignisse, {experiments} Selbstexperimente mit {answers} Antworten und {backups} automatische Sicherungen in {folder}. Deine Einstellungen ({settings}) bleiben</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>there is no backup {name}</source>
        <translation>es gibt keine Sicherung {name}</translation>
    </message>
    <message>
        <source>Backups there are: {names}.</source>
        <translation>Vorhandene Sicherungen: {names}.</translation>
    </message>
    <message>
        <source>backups are made of a SQLite file only; this database is not one</source>
        <translation>Sicherungen gibt es nur von einer SQLite-Datei; diese Datenbank ist keine</translation>
    </message>
    <message>
        <source>Restore a PostgreSQL database with its own tools (pg_restore).</source>
        <translation>Hol eine PostgreSQL-Datenbank mit ihren eigenen Werkzeugen zurück (pg_restore).</translation>
    </message>
    <message>
        <source>{file} is neither a wellbeing export nor an ActivityWatch export</source>
        <translation>{file} ist weder ein Export von wellbeing noch einer von ActivityWatch</translation>
    </message>
    <message>
        <source>wellbeing imports its own &apos;export --format json&apos; files and ActivityWatch&apos;s &apos;Export all buckets as JSON&apos;.</source>
        <translation>Wellbeing importiert seine eigenen Dateien aus &apos;export --format json&apos; und &apos;Export all buckets as JSON&apos; von ActivityWatch.</translation>
    </message>
    <message>
        <source>{file} ends before its JSON does: the file is cut short; export it again</source>
        <translation>{file} endet vor seinem JSON: Die Datei ist abgeschnitten; exportiere sie noch einmal</translation>
    </message>
    <message>
        <source>{file} is not valid JSON: {error}</source>
        <translation>{file} ist kein gültiges JSON: {error}</translation>
    </message>
    <message>
        <source>{file} is not a wellbeing export (format {format})</source>
        <translation>{file} ist kein Export von wellbeing (Format {format})</translation>
    </message>
    <message>
        <source>{file} is a version {version} export; this wellbeing reads version {supported}</source>
        <translation>{file} ist ein Export der Version {version}; dieses wellbeing liest Version {supported}</translation>
    </message>
    <message>
        <source>Update wellbeing to import it.</source>
        <translation>Aktualisiere wellbeing, um ihn zu importieren.</translation>
    </message>
    <message>
        <source>{file}: device {index} lacks {field}</source>
        <translation>{file}: bei Gerät {index} fehlt {field}</translation>
    </message>
    <message>
        <source>{file}: interval {index} is not usable ({reason})</source>
        <translation>{file}: Intervall {index} ist nicht verwendbar ({reason})</translation>
    </message>
    <message>
        <source>{file}: interval {index} names an unknown device</source>
        <translation>{file}: Intervall {index} nennt ein unbekanntes Gerät</translation>
    </message>
    <message>
        <source>the data is already in {folder}</source>
        <translation>die Daten liegen schon in {folder}</translation>
    </message>
    <message>
        <source>{target} and the data folder {folder} are inside one another</source>
        <translation>{target} und der Datenordner {folder} liegen ineinander</translation>
    </message>
    <message>
        <source>Choose a folder outside the data folder.</source>
        <translation>Wähle einen Ordner außerhalb des Datenordners.</translation>
    </message>
    <message>
        <source>{target} is not an empty folder</source>
        <translation>{target} ist kein leerer Ordner</translation>
    </message>
    <message>
        <source>Choose a new or empty folder; nothing was moved.</source>
        <translation>Wähle einen neuen oder leeren Ordner; nichts wurde verschoben.</translation>
    </message>
    <message>
        <source>could not move {old} to {new}: {error}</source>
        <translation>{old} konnte nicht nach {new} verschoben werden: {error}</translation>
    </message>
    <message>
        <source>Nothing was moved; check the folder&apos;s permissions.</source>
        <translation>Nichts wurde verschoben; prüfe die Zugriffsrechte des Ordners.</translation>
    </message>
    <message>
        <source>could not prepare {database} for the move: {error}</source>
        <translation>{database} konnte nicht für das Verschieben vorbereitet werden: {error}</translation>
    </message>
    <message>
        <source>Nothing was moved; try &apos;wellbeing doctor&apos;.</source>
        <translation>Nichts wurde verschoben; versuche &apos;wellbeing doctor&apos;.</translation>
    </message>
    <message>
        <source>the copy of the database in {folder} failed its check ({result}); nothing was moved</source>
        <translation>die Kopie der Datenbank in {folder} hat die Prüfung nicht bestanden ({result}); nichts wurde verschoben</translation>
    </message>
    <message>
        <source>no device is named {name}</source>
        <translation>kein Gerät heißt {name}</translation>
    </message>
    <message>
        <source>Devices: {names}.</source>
        <translation>Geräte: {names}.</translation>
    </message>
</context>
<context>
    <name>DataDialog</name>
    <message>
        <source>Your data — Wellbeing</source>
        <translation>Deine Daten — Wellbeing</translation>
    </message>
    <message>
        <source>Take it with you</source>
        <translation>Mitnehmen</translation>
    </message>
    <message>
        <source>One JSON file (can be imported again)</source>
        <translation>Eine JSON-Datei (kann wieder importiert werden)</translation>
    </message>
    <message>
        <source>A zip of CSV files (for spreadsheets)</source>
        <translation>Ein ZIP mit CSV-Dateien (für Tabellen)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Export everything…</source>
        <translation>Alles exportieren…</translation>
    </message>
    <message>
        <source>Bring history in</source>
        <translation>Verlauf übernehmen</translation>
    </message>
    <message>
        <source>A Wellbeing JSON export, or ActivityWatch&apos;s “Export all buckets as JSON”. Importing twice adds nothing.</source>
        <translation>Ein JSON-Export von Wellbeing oder „Export all buckets as JSON“ von ActivityWatch. Zweimal importieren fügt nichts hinzu.</translation>
    </message>
    <message>
        <source>Import a file…</source>
        <translation>Datei importieren…</translation>
    </message>
    <message>
        <source>Delete days</source>
        <translation>Tage löschen</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Delete these days…</source>
        <translation>Diese Tage löschen…</translation>
    </message>
    <message>
        <source>Delete today…</source>
        <translation>Heute löschen…</translation>
    </message>
    <message>
        <source>Delete everything…</source>
        <translation>Alles löschen…</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Delete today?</source>
        <translation>Heute löschen?</translation>
    </message>
    <message>
        <source>Delete everything?</source>
        <translation>Alles löschen?</translation>
    </message>
    <message>
        <source>Go back to this backup?</source>
        <translation>Zu dieser Sicherung zurückkehren?</translation>
    </message>
    <message>
        <source>Wellbeing closes to do this, and starts again.</source>
        <translation>Wellbeing wird dafür beendet und danach wieder gestartet.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Quit Wellbeing from the tray menu, then run “wellbeing {command}”.</source>
        <translation>Beende Wellbeing über das Menü im Panel und führe dann „wellbeing {command}“ aus.</translation>
    </message>
    <message>
        <source>Wellbeing closes now, does it, and starts again.</source>
        <translation>Wellbeing wird jetzt beendet, erledigt das und startet wieder.</translation>
    </message>
    <message>
        <source>Deleting today or everything needs Wellbeing quit first: run “wellbeing delete --all”, which names what goes and asks first.</source>
        <translation>Um heute oder alles zu löschen, muss Wellbeing zuerst beendet werden: Führe „wellbeing delete --all“ aus; es nennt, was gelöscht wird, und fragt vorher.</translation>
    </message>
    <message>
        <source>Deleting today or everything closes Wellbeing while it is done, then starts it again. Everything also deletes the backups; your settings stay.</source>
        <translation>Um heute oder alles zu löschen, wird Wellbeing kurz beendet und danach wieder gestartet. „Alles“ löscht auch die Sicherungen; deine Einstellungen bleiben.</translation>
    </message>
    <message>
        <source>One is made every day. Going back to one keeps the database in use beside it, and closes Wellbeing while it is done.</source>
        <translation>Jeden Tag wird eine erstellt. Beim Zurückkehren zu einer Sicherung bleibt die aktuelle Datenbank daneben erhalten; Wellbeing wird dafür kurz beendet.</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>Automatische Sicherungen</translation>
    </message>
    <message>
        <source>Go back to this backup…</source>
        <translation>Zu dieser Sicherung zurückkehren…</translation>
    </message>
    <message>
        <source>Export everything</source>
        <translation>Alles exportieren</translation>
    </message>
    <message>
        <source>Import a file</source>
        <translation>Datei importieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Import this?</source>
        <translation>Das importieren?</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Nichts wurde importiert.</translation>
    </message>
    <message>
        <source>Delete these days?</source>
        <translation>Diese Tage löschen?</translation>
    </message>
    <message>
        <source>None yet: one is made every day.</source>
        <translation>Noch keine: Jeden Tag wird eine angelegt.</translation>
    </message>
</context>
<context>
    <name>DeviceChooser</name>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Whose use is shown</source>
        <translation>Wessen Nutzung gezeigt wird</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>Alle Geräte</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>data directory</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>config</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>{path} (private, writable)</source>
        <translation>{path} (privat, beschreibbar)</translation>
    </message>
    <message>
        <source>{path} (found); day starts at {hour}:00</source>
        <translation>{path} (vorhanden); der Tag beginnt um {hour}:00</translation>
    </message>
    <message>
        <source>{path} (not created yet, using defaults); day starts at {hour}:00</source>
        <translation>{path} (noch nicht angelegt, es gelten die Standardwerte); der Tag beginnt um {hour}:00</translation>
    </message>
    <message>
        <source>{where} (schema up to date)</source>
        <translation>{where} (Schema aktuell)</translation>
    </message>
    <message>
        <source>database recovery</source>
        <translation>Datenbank-Rettung</translation>
    </message>
    <message>
        <source>The damaged copy was kept; nothing was deleted.</source>
        <translation>Die beschädigte Kopie wurde aufbewahrt; nichts wurde gelöscht.</translation>
    </message>
    <message>
        <source>log file</source>
        <translation>Protokolldatei</translation>
    </message>
    <message>
        <source>Platform (how wellbeing sees the foreground window and idle time):</source>
        <translation>Plattform (wie Wellbeing das Fenster im Vordergrund und die Zeit ohne Eingabe erkennt):</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>Daten:</translation>
    </message>
    <message>
        <source>Tracking can work on this machine.</source>
        <translation>Die Aufzeichnung kann auf diesem Rechner funktionieren.</translation>
    </message>
    <message>
        <source>Tracking cannot work yet: see the fixes above.</source>
        <translation>Die Aufzeichnung kann noch nicht funktionieren: Sieh dir die Lösungen oben an.</translation>
    </message>
    <message>
        <source>fix: {fix}</source>
        <translation>Lösung: {fix}</translation>
    </message>
    <message>
        <source>GNOME Shell extension</source>
        <translation>GNOME-Shell-Erweiterung</translation>
    </message>
    <message>
        <source>notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>quiet mode</source>
        <translation>Stummschaltung</translation>
    </message>
    <message>
        <source>{backend} foreground</source>
        <translation>Vordergrund über {backend}</translation>
    </message>
    <message>
        <source>macos window titles</source>
        <translation>Fenstertitel unter macOS</translation>
    </message>
    <message>
        <source>backend chosen</source>
        <translation>gewähltes Backend</translation>
    </message>
    <message>
        <source>lock screen</source>
        <translation>Bildschirmsperre</translation>
    </message>
    <message>
        <source>session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>system tray</source>
        <translation>Panel</translation>
    </message>
</context>
<context>
    <name>Experiment</name>
    <message>
        <source>Find out, on yourself, whether using social media less makes you feel better. A baseline week, then weeks with a 10-minute daily limit on each platform you choose, with an evening check-in and a few short weekly questionnaires. It follows Hunt et al. (2018); later studies are mixed, and the report says honestly what your weeks can show.</source>
        <translation>Finde an dir selbst heraus, ob du dich besser fühlst, wenn du soziale Medien weniger nutzt. Erst eine Ausgangswoche, dann Wochen mit einem Tageslimit von 10 Minuten für jede Plattform, die du wählst, mit einem Check-in am Abend und ein paar kurzen wöchentlichen Fragebögen. Es folgt Hunt et al. (2018); spätere Studien sind uneinheitlich, und der Bericht sagt ehrlich, was deine Wochen zeigen können.</translation>
    </message>
    <message>
        <source>Baseline week: use your computer as usual.</source>
        <translation>Ausgangswoche: Nutze deinen Computer wie gewohnt.</translation>
    </message>
    <message>
        <source>Limited week: your chosen platforms have their daily limits.</source>
        <translation>Begrenzte Woche: Deine gewählten Plattformen haben ihre Tageslimits.</translation>
    </message>
    <message>
        <source>Usual week: no limits this week.</source>
        <translation>Normale Woche: Diese Woche gibt es keine Limits.</translation>
    </message>
    <message>
        <source>Follow-up week: the limits are off.</source>
        <translation>Nachbeobachtungswoche: Die Limits sind aus.</translation>
    </message>
    <message>
        <source>You ended this experiment early. Everything you answered is kept.</source>
        <translation>Du hast dieses Experiment vorzeitig beendet. Alles, was du beantwortet hast, bleibt erhalten.</translation>
    </message>
    <message>
        <source>Your experiment is complete. Here is what changed.</source>
        <translation>Dein Experiment ist abgeschlossen. Hier siehst du, was sich verändert hat.</translation>
    </message>
    <message>
        <source>Day {day} of {days}.</source>
        <translation>Tag {day} von {days}.</translation>
    </message>
    <message>
        <source>Days within your limits: {within} of {days}.</source>
        <translation>Tage innerhalb deiner Limits: {within} von {days}.</translation>
    </message>
    <message>
        <source>Check-ins: {done} done, {missing} missed.</source>
        <translation>Check-ins: {done} erledigt, {missing} verpasst.</translation>
    </message>
    <message>
        <source>Check-ins: {done} done.</source>
        <translation>Check-ins: {done} erledigt.</translation>
    </message>
    <message>
        <source>This week&apos;s questionnaires are ready: {names}.</source>
        <translation>Die Fragebögen dieser Woche sind bereit: {names}.</translation>
    </message>
    <message>
        <source>An experiment is already running.</source>
        <translation>Es läuft schon ein Experiment.</translation>
    </message>
    <message>
        <source>See it with &apos;wellbeing experiment status&apos;; end it with &apos;wellbeing experiment abandon&apos; (its data is kept).</source>
        <translation>Sieh es dir mit &apos;wellbeing experiment status&apos; an; beende es mit &apos;wellbeing experiment abandon&apos; (seine Daten bleiben erhalten).</translation>
    </message>
    <message>
        <source>The start day {day} has passed.</source>
        <translation>Der Starttag {day} ist schon vorbei.</translation>
    </message>
    <message>
        <source>Start today or on a later day.</source>
        <translation>Beginne heute oder an einem späteren Tag.</translation>
    </message>
    <message>
        <source>There is no measure called {name}.</source>
        <translation>Es gibt keine Messgröße namens {name}.</translation>
    </message>
    <message>
        <source>Choose one of: {names}.</source>
        <translation>Wähle eine davon: {names}.</translation>
    </message>
    <message>
        <source>You already have a limit on {targets}.</source>
        <translation>Du hast schon ein Limit für {targets}.</translation>
    </message>
    <message>
        <source>The experiment sets its own locked limit there. Remove yours first (&apos;wellbeing limits remove TARGET&apos;) or choose other targets.</source>
        <translation>Das Experiment setzt dort sein eigenes festgelegtes Limit. Entferne zuerst deins (&apos;wellbeing limits remove TARGET&apos;) oder wähle andere Ziele.</translation>
    </message>
    <message>
        <source>Mood right now must be 0–10; got {mood}.</source>
        <translation>Die Stimmung gerade muss 0–10 sein; angegeben ist {mood}.</translation>
    </message>
    <message>
        <source>No prompt is open now.</source>
        <translation>Gerade ist keine Frage offen.</translation>
    </message>
    <message>
        <source>A prompt can be answered for {minutes} minutes after it comes; the evening check-in is always there.</source>
        <translation>Eine Frage kann {minutes} Minuten lang beantwortet werden, nachdem sie kommt; der Abend-Check-in ist immer da.</translation>
    </message>
    <message>
        <source>Phone time must be between 0 and 24 hours a day.</source>
        <translation>Die Handyzeit muss zwischen 0 und 24 Stunden am Tag liegen.</translation>
    </message>
    <message>
        <source>{target} is not one of this experiment&apos;s targets.</source>
        <translation>{target} gehört nicht zu den Zielen dieses Experiments.</translation>
    </message>
    <message>
        <source>Use one of: {targets}.</source>
        <translation>Nimm eines davon: {targets}.</translation>
    </message>
    <message>
        <source>No experiment is running.</source>
        <translation>Es läuft kein Experiment.</translation>
    </message>
    <message>
        <source>Start one with &apos;wellbeing experiment start&apos; or from the dashboard.</source>
        <translation>Starte eines mit &apos;wellbeing experiment start&apos; oder in der Übersicht.</translation>
    </message>
    <message>
        <source>You cannot check in for {day}: it is in the future.</source>
        <translation>Du kannst für {day} noch nicht einchecken: der Tag liegt in der Zukunft.</translation>
    </message>
    <message>
        <source>You cannot answer a questionnaire for {day}: it is in the future.</source>
        <translation>Du kannst für {day} noch keinen Fragebogen beantworten: der Tag liegt in der Zukunft.</translation>
    </message>
    <message>
        <source>You cannot record phone time for {day}: it is in the future.</source>
        <translation>Du kannst für {day} noch keine Handyzeit eintragen: der Tag liegt in der Zukunft.</translation>
    </message>
    <message>
        <source>{day} is outside the experiment ({first} to {last}).</source>
        <translation>{day} liegt außerhalb des Experiments ({first} bis {last}).</translation>
    </message>
    <message>
        <source>There is no experiment to report on.</source>
        <translation>Es gibt kein Experiment, über das berichtet werden kann.</translation>
    </message>
    <message>
        <source>Start one with &apos;wellbeing experiment start&apos;.</source>
        <translation>Starte eines mit &apos;wellbeing experiment start&apos;.</translation>
    </message>
    <message>
        <source>Choose at least one app or site to limit.</source>
        <translation>Wähle mindestens eine App oder Website zum Begrenzen.</translation>
    </message>
    <message>
        <source>{target} is not an app or a site; the experiment limits single platforms.</source>
        <translation>{target} ist keine App und keine Website; das Experiment begrenzt einzelne Plattformen.</translation>
    </message>
    <message>
        <source>Name at least one app or site with --targets.</source>
        <translation>Nenne mit --targets mindestens eine App oder Website.</translation>
    </message>
    <message>
        <source>The daily limit must be between 1 minute and 4 hours.</source>
        <translation>Das Tageslimit muss zwischen 1 Minute und 4 Stunden liegen.</translation>
    </message>
    <message>
        <source>The check-in time must be a time of day (00:00 to 23:59).</source>
        <translation>Die Check-in-Zeit muss eine Uhrzeit sein (00:00 bis 23:59).</translation>
    </message>
    <message>
        <source>At most 2 extra prompts a day.</source>
        <translation>Höchstens 2 zusätzliche Fragen am Tag.</translation>
    </message>
    <message>
        <source>The random-order design needs {least} to {most} pairs of weeks.</source>
        <translation>Der Ablauf mit zufälliger Reihenfolge braucht {least} bis {most} Wochenpaare.</translation>
    </message>
    <message>
        <source>The stored order does not fit the design.</source>
        <translation>Die gespeicherte Reihenfolge passt nicht zum Ablauf.</translation>
    </message>
    <message>
        <source>The follow-up week belongs to the classic design.</source>
        <translation>Die Nachbeobachtungswoche gehört zum klassischen Ablauf.</translation>
    </message>
    <message>
        <source>The classic design has no random order.</source>
        <translation>Der klassische Ablauf hat keine zufällige Reihenfolge.</translation>
    </message>
    <message>
        <source>There is no questionnaire called {key}.</source>
        <translation>Es gibt keinen Fragebogen namens {key}.</translation>
    </message>
    <message>
        <source>Use one of: {keys}.</source>
        <translation>Nimm einen davon: {keys}.</translation>
    </message>
</context>
<context>
    <name>ExperimentPage</name>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>Set up an experiment…</source>
        <translation>Experiment einrichten…</translation>
    </message>
    <message>
        <source>Evening check-in…</source>
        <translation>Abend-Check-in…</translation>
    </message>
    <message>
        <source>Weekly questionnaire…</source>
        <translation>Wochenfragebogen…</translation>
    </message>
    <message>
        <source>Phone screen time…</source>
        <translation>Bildschirmzeit am Handy…</translation>
    </message>
    <message>
        <source>End the experiment…</source>
        <translation>Experiment beenden…</translation>
    </message>
    <message>
        <source>Export data…</source>
        <translation>Daten exportieren…</translation>
    </message>
    <message>
        <source>{target} is not an app or a site.</source>
        <translation>{target} ist weder eine App noch eine Website.</translation>
    </message>
    <message>
        <source>Replaced today&apos;s earlier check-in.</source>
        <translation>Der frühere Check-in von heute wurde ersetzt.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>today</source>
        <comment>How was {day}?</comment>
        <translation>dein Tag heute</translation>
    </message>
    <message>
        <source>End the experiment?</source>
        <translation>Experiment beenden?</translation>
    </message>
    <message>
        <source>End the experiment now? Everything you answered is kept, and its limits are lifted.</source>
        <translation>Das Experiment jetzt beenden? Alles, was du beantwortet hast, bleibt erhalten, und seine Limits werden aufgehoben.</translation>
    </message>
    <message>
        <source>Export the experiment to</source>
        <translation>Experiment exportieren nach</translation>
    </message>
</context>
<context>
    <name>ExperimentWizard</name>
    <message>
        <source>In 2018, Hunt and colleagues asked 143 students to keep Facebook, Instagram and Snapchat to 10 minutes each a day for three weeks. Compared with students who used them as usual, they felt less lonely and less depressed. Later studies are mixed: most found a small effect, some none.

This experiment lets you find out for yourself. First a baseline week: use your computer as usual while wellbeing records it. Then limited weeks: each platform you choose gets a daily limit. Each evening a four-question check-in (under a minute), and at the end of each week four short questionnaires. At the end you get an honest report of what changed.

wellbeing sees only this computer, not your phone. Once a week you can type in what your phone&apos;s Screen Time or Digital Wellbeing shows.</source>
        <translation>2018 baten Hunt und Kollegen 143 Studierende, Facebook, Instagram und Snapchat drei Wochen lang auf je 10 Minuten am Tag zu beschränken. Verglichen mit Studierenden, die sie wie gewohnt nutzten, fühlten sie sich weniger einsam und weniger depressiv. Spätere Studien sind uneinheitlich: Die meisten fanden eine kleine Wirkung, manche keine.

Mit diesem Experiment findest du es für dich selbst heraus. Zuerst eine Ausgangswoche: Nutze deinen Computer wie gewohnt, während wellbeing aufzeichnet. Dann begrenzte Wochen: Jede Plattform, die du wählst, bekommt ein Tageslimit. Jeden Abend ein Check-in mit vier Fragen (keine Minute) und am Ende jeder Woche vier kurze Fragebögen. Zum Schluss bekommst du einen ehrlichen Bericht darüber, was sich verändert hat.

wellbeing sieht nur diesen Computer, nicht dein Handy. Einmal pro Woche kannst du eintragen, was Bildschirmzeit oder Digital Wellbeing auf deinem Handy anzeigt.</translation>
    </message>
    <message>
        <source>Evening mood (the daily check-in)</source>
        <translation>Stimmung am Abend (täglicher Check-in)</translation>
    </message>
    <message>
        <source>Loneliness (the daily check-in)</source>
        <translation>Einsamkeit (täglicher Check-in)</translation>
    </message>
    <message>
        <source>Anxiety (the daily check-in)</source>
        <translation>Angst (täglicher Check-in)</translation>
    </message>
    <message>
        <source>Feeling of missing out (the daily check-in)</source>
        <translation>Gefühl, etwas zu verpassen (täglicher Check-in)</translation>
    </message>
    <message>
        <source>Well-being (WHO-5, weekly)</source>
        <translation>Wohlbefinden (WHO-5, wöchentlich)</translation>
    </message>
    <message>
        <source>Loneliness (UCLA, weekly)</source>
        <translation>Einsamkeit (UCLA, wöchentlich)</translation>
    </message>
    <message>
        <source>Low mood (PHQ-8, weekly)</source>
        <translation>Niedergeschlagenheit (PHQ-8, wöchentlich)</translation>
    </message>
    <message>
        <source>Anxiety (GAD-7, weekly)</source>
        <translation>Angst (GAD-7, wöchentlich)</translation>
    </message>
    <message>
        <source>Set up an experiment — Wellbeing</source>
        <translation>Experiment einrichten — Wellbeing</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Does using social media less make you feel better?</source>
        <translation>Fühlst du dich besser, wenn du soziale Medien weniger nutzt?</translation>
    </message>
    <message>
        <source>Your plan</source>
        <translation>Dein Plan</translation>
    </message>
    <message>
        <source>Classic: 1 baseline week, then 3 limited weeks</source>
        <translation>Klassisch: 1 Ausgangswoche, dann 3 begrenzte Wochen</translation>
    </message>
    <message>
        <source>Stronger evidence: after the baseline, limited and usual weeks in a random order (4 weeks or more; the order stays hidden until the end)</source>
        <translation>Aussagekräftiger: nach der Ausgangswoche begrenzte und normale Wochen in zufälliger Reihenfolge (4 Wochen oder mehr; die Reihenfolge bleibt bis zum Ende verborgen)</translation>
    </message>
    <message>
        <source>Add a follow-up week with the limits off (classic)</source>
        <translation>Eine Nachbeobachtungswoche ohne Limits anhängen (klassisch)</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Platforms to limit</source>
        <translation>Zu begrenzende Plattformen</translation>
    </message>
    <message>
        <source>Seen in the last 4 weeks: {platforms}</source>
        <translation>In den letzten 4 Wochen genutzt: {platforms}</translation>
    </message>
    <message>
        <source>{name} ({minutes} min a day)</source>
        <translation>{name} ({minutes} Min. am Tag)</translation>
    </message>
    <message>
        <source> min a day each</source>
        <translation> Min. am Tag je Plattform</translation>
    </message>
    <message>
        <source>Daily limit</source>
        <translation>Tageslimit</translation>
    </message>
    <message>
        <source>Main question</source>
        <translation>Hauptfrage</translation>
    </message>
    <message>
        <source>Chosen now, before the baseline, so the report leads with it whatever the results: no picking the best-looking number afterwards.</source>
        <translation>Jetzt gewählt, vor der Ausgangswoche, damit der Bericht mit ihr beginnt, wie auch immer die Ergebnisse ausfallen: Hinterher wird nicht die schönste Zahl herausgepickt.</translation>
    </message>
    <message>
        <source>Evening check-in at</source>
        <translation>Abend-Check-in um</translation>
    </message>
    <message>
        <source> short prompts a day (mood right now)</source>
        <translation> kurze Abfragen am Tag (Stimmung gerade)</translation>
    </message>
    <message>
        <source>During the day</source>
        <translation>Tagsüber</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>The limits are locked while a limited week runs, so you cannot loosen them on a bad evening; you can end the experiment at any time and keep everything you answered.</source>
        <translation>Die Limits sind festgelegt, solange eine begrenzte Woche läuft, damit du sie an einem schlechten Abend nicht lockern kannst; du kannst das Experiment jederzeit beenden und behältst alles, was du beantwortet hast.</translation>
    </message>
    <message>
        <source>One person&apos;s result can have many causes: a stressful week, the weather, good news. The report says what fits your data, not why.</source>
        <translation>Das Ergebnis eines einzelnen Menschen kann viele Ursachen haben: eine stressige Woche, das Wetter, gute Nachrichten. Der Bericht sagt, was zu deinen Daten passt, nicht warum.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Could not save {file}: {reason}.

Choose a folder you can write to, with free space.</source>
        <translation>{file} ließ sich nicht speichern: {reason}.

Wähle einen Ordner, in den du schreiben darfst und der freien Platz hat.</translation>
    </message>
</context>
<context>
    <name>Gnome</name>
    <message>
        <source> (version {version}, GNOME Shell {shell})</source>
        <translation> (Version {version}, GNOME Shell {shell})</translation>
    </message>
    <message>
        <source> (version {version})</source>
        <translation> (Version {version})</translation>
    </message>
    <message>
        <source>This is not a GNOME session (XDG_CURRENT_DESKTOP={desktop}); the extension is only for GNOME.</source>
        <translation>Dies ist keine GNOME-Sitzung (XDG_CURRENT_DESKTOP={desktop}); die Erweiterung ist nur für GNOME.</translation>
    </message>
    <message>
        <source>Run this command inside your GNOME session.</source>
        <translation>Führe diesen Befehl in deiner GNOME-Sitzung aus.</translation>
    </message>
    <message>
        <source>The wellbeing GNOME Shell extension is installed and works already.</source>
        <translation>Die GNOME-Shell-Erweiterung von Wellbeing ist installiert und funktioniert bereits.</translation>
    </message>
    <message>
        <source>Installed the wellbeing GNOME Shell extension (for GNOME 45 and later) in {path}.</source>
        <translation>Die GNOME-Shell-Erweiterung von Wellbeing (für GNOME 45 und neuer) wurde in {path} installiert.</translation>
    </message>
    <message>
        <source>Installed the wellbeing GNOME Shell extension (for GNOME 42 to 44) in {path}.</source>
        <translation>Die GNOME-Shell-Erweiterung von Wellbeing (für GNOME 42 bis 44) wurde in {path} installiert.</translation>
    </message>
    <message>
        <source>Enabled it with gnome-extensions.</source>
        <translation>Sie wurde mit gnome-extensions eingeschaltet.</translation>
    </message>
    <message>
        <source>Turned it on in GNOME&apos;s settings (org.gnome.shell enabled-extensions).</source>
        <translation>Sie wurde in den GNOME-Einstellungen eingeschaltet (org.gnome.shell enabled-extensions).</translation>
    </message>
    <message>
        <source>One more step: log out and back in once (GNOME Shell on Wayland loads new extensions only then).</source>
        <translation>Noch ein Schritt: melde dich einmal ab und wieder an (GNOME Shell unter Wayland lädt neue Erweiterungen erst dann).</translation>
    </message>
    <message>
        <source>Until then wellbeing cannot see which app is in front.</source>
        <translation>Bis dahin kann Wellbeing nicht sehen, welche App im Vordergrund ist.</translation>
    </message>
    <message>
        <source>It works now.</source>
        <translation>Sie funktioniert jetzt.</translation>
    </message>
</context>
<context>
    <name>GnomeExtensionPrompt</name>
    <message>
        <source>On GNOME with Wayland, only a GNOME Shell extension can tell which app is in front. wellbeing comes with a tiny one of its own: it tells wellbeing the app, window title and process of the focused window, and nothing else; nothing leaves your computer.</source>
        <translation>Unter GNOME mit Wayland kann nur eine GNOME-Shell-Erweiterung erkennen, welche App im Vordergrund ist. wellbeing bringt eine winzige eigene mit: Sie teilt wellbeing die App, den Fenstertitel und den Prozess des aktiven Fensters mit, sonst nichts; nichts verlässt deinen Computer.</translation>
    </message>
    <message>
        <source>See your apps on GNOME</source>
        <translation>Deine Apps unter GNOME sehen</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installieren</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>Install it now? You will need to log out and back in once.</source>
        <translation>Jetzt installieren? Du musst dich danach einmal ab- und wieder anmelden.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>LimitEditor</name>
    <message>
        <source>Daily limit — {name}</source>
        <translation>Tägliches Limit — {name}</translation>
    </message>
    <message>
        <source>Daily limit for {name}</source>
        <translation>Tägliches Limit für {name}</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Use the suggestion</source>
        <translation>Den Vorschlag übernehmen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the limit</source>
        <translation>Das Limit speichern</translation>
    </message>
    <message>
        <source>Time per day</source>
        <translation>Zeit pro Tag</translation>
    </message>
    <message>
        <source>The same every day</source>
        <translation>Jeden Tag gleich</translation>
    </message>
    <message>
        <source>Different on some days</source>
        <translation>An manchen Tagen anders</translation>
    </message>
    <message>
        <source>Time every day</source>
        <translation>Zeit an jedem Tag</translation>
    </message>
    <message>
        <source>e.g. 45m or 1h30m</source>
        <translation>z. B. 45m oder 1h30m</translation>
    </message>
    <message>
        <source>Time on {day}</source>
        <translation>Zeit am {day}</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>kein Limit</translation>
    </message>
    <message>
        <source>When time is up</source>
        <translation>Wenn die Zeit um ist</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Selbstverpflichtung</translation>
    </message>
    <message>
        <source>Lock until</source>
        <translation>Sperren bis</translation>
    </message>
    <message>
        <source>Lock until a date</source>
        <translation>Bis zu einem Datum sperren</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Gesperrt bis</translation>
    </message>
    <message>
        <source>Until then it can be tightened, not loosened or removed.</source>
        <translation>Bis dahin kann es verschärft, aber nicht gelockert oder entfernt werden.</translation>
    </message>
    <message>
        <source>Cooling-off</source>
        <translation>Bedenkzeit</translation>
    </message>
    <message>
        <source>A looser limit applies 24 hours after you ask for it.</source>
        <translation>Ein lockereres Limit gilt erst 24 Stunden, nachdem du es verlangt hast.</translation>
    </message>
    <message>
        <source>Locked until {day}: you can tighten this limit, not loosen it.</source>
        <translation>Gesperrt bis {day}: Du kannst dieses Limit verschärfen, aber nicht lockern.</translation>
    </message>
    <message>
        <source>Set a limit on at least one day.</source>
        <translation>Lege an mindestens einem Tag ein Limit fest.</translation>
    </message>
</context>
<context>
    <name>LimitRowWidget</name>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Edit the limit on {name}</source>
        <translation>Das Limit für {name} bearbeiten</translation>
    </message>
    <message>
        <source>Remove the limit on {name}</source>
        <translation>Das Limit für {name} entfernen</translation>
    </message>
</context>
<context>
    <name>LimitTexts</name>
    <message>
        <source>no days</source>
        <translation>an keinem Tag</translation>
    </message>
    <message>
        <source>locked until {day}</source>
        <translation>gesperrt bis {day}</translation>
    </message>
    <message>
        <source>cooling-off</source>
        <translation>Bedenkzeit</translation>
    </message>
    <message>
        <source>from {when} UTC: {becomes}, {mode}</source>
        <translation>ab {when} UTC: {becomes}, {mode}</translation>
    </message>
    <message>
        <source>{span} starting {days}</source>
        <translation>{span}, beginnend {days}</translation>
    </message>
    <message>
        <source>{downtime}, allowed: {targets}</source>
        <translation>{downtime}, erlaubt: {targets}</translation>
    </message>
    <message>
        <source>{downtime} (off)</source>
        <translation>{downtime} (aus)</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a time span; write it like 23:00-07:00, or &apos;off&apos;</source>
        <translation>&apos;{text}&apos; ist keine Zeitspanne; schreib sie wie 23:00-07:00, oder &apos;off&apos;</translation>
    </message>
    <message>
        <source>downtime &apos;{text}&apos; starts when it ends; give two different times</source>
        <translation>Die Auszeit &apos;{text}&apos; beginnt, wenn sie endet; gib zwei verschiedene Uhrzeiten an</translation>
    </message>
    <message>
        <source>&apos;{part}&apos; in &apos;{whole}&apos; is not a time like 23:00</source>
        <translation>&apos;{part}&apos; in &apos;{whole}&apos; ist keine Uhrzeit wie 23:00</translation>
    </message>
    <message>
        <source>&apos;{part}&apos; in &apos;{whole}&apos; is not a time of day (00:00 to 23:59)</source>
        <translation>&apos;{part}&apos; in &apos;{whole}&apos; ist keine Uhrzeit (00:00 bis 23:59)</translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <source>Suggested {value}</source>
        <translation>Vorschlag: {value}</translation>
    </message>
    <message>
        <source>Suggested {value} — a quarter below your median of {median}</source>
        <translation>Vorschlag: {value} — ein Viertel unter deinem Median von {median}</translation>
    </message>
    <message>
        <source>Suggested {value} — half your median of {median}</source>
        <translation>Vorschlag: {value} — die Hälfte deines Medians von {median}</translation>
    </message>
    <message>
        <source>Suggested {value} — {percent}% below your median of {median}</source>
        <translation>Vorschlag: {value} — {percent} % unter deinem Median von {median}</translation>
    </message>
    <message>
        <source>Suggested {value} — {percent}% above your median of {median}</source>
        <translation>Vorschlag: {value} — {percent} % über deinem Median von {median}</translation>
    </message>
    <message>
        <source>Suggested {value} — the same as your median of {median}</source>
        <translation>Vorschlag: {value} — so viel wie dein Median von {median}</translation>
    </message>
    <message>
        <source>Notify</source>
        <translation>Benachrichtigen</translation>
    </message>
    <message>
        <source>Nag</source>
        <translation>Erinnern</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Blockieren</translation>
    </message>
    <message>
        <source>A notification 5 minutes before and when time is up.</source>
        <translation>Eine Benachrichtigung 5 Minuten vorher und wenn die Zeit um ist.</translation>
    </message>
    <message>
        <source>A calm “Time&apos;s up” screen you can snooze, or ignore for the day.</source>
        <translation>Ein ruhiger „Zeit ist um“-Bildschirm, den du verschieben oder für heute ignorieren kannst.</translation>
    </message>
    <message>
        <source>The screen without “ignore”; the app is minimised while over.</source>
        <translation>Der Bildschirm ohne „Ignorieren“; die App wird minimiert, solange du drüber bist.</translation>
    </message>
    <message>
        <source>Total screen time</source>
        <translation>Gesamte Bildschirmzeit</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>jeden Tag</translation>
    </message>
    <message>
        <source>No days</source>
        <translation>Keine Tage</translation>
    </message>
    <message>
        <source>Locked until {day}</source>
        <translation>Gesperrt bis {day}</translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation>heute {time}</translation>
    </message>
    <message>
        <source>tomorrow {time}</source>
        <translation>morgen {time}</translation>
    </message>
    <message>
        <source>Always allowed: {names}</source>
        <translation>Immer erlaubt: {names}</translation>
    </message>
    <message>
        <source>Nothing is always allowed</source>
        <translation>Nichts ist immer erlaubt</translation>
    </message>
    <message>
        <source>Clock changed once this week</source>
        <translation>Uhr diese Woche einmal verstellt</translation>
    </message>
    <message>
        <source>Clock changed {count} times this week</source>
        <translation>Uhr diese Woche {count}-mal verstellt</translation>
    </message>
    <message>
        <source>No limit was reached this week.</source>
        <translation>Diese Woche wurde kein Limit erreicht.</translation>
    </message>
    <message>
        <source>Looser limit from {when}</source>
        <translation>Lockereres Limit ab {when}</translation>
    </message>
    <message>
        <source>{used} today</source>
        <translation>{used} heute</translation>
    </message>
    <message>
        <source>No limit today</source>
        <translation>Heute kein Limit</translation>
    </message>
    <message>
        <source>{used} of {limit}</source>
        <translation>{used} von {limit}</translation>
    </message>
    <message>
        <source>Ignored today</source>
        <translation>Heute ignoriert</translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation>Auszeit</translation>
    </message>
    <message>
        <source>Snoozed · {left} left</source>
        <translation>Verschoben · noch {left}</translation>
    </message>
    <message>
        <source>{over} over</source>
        <translation>{over} drüber</translation>
    </message>
    <message>
        <source>Time&apos;s up</source>
        <translation>Zeit ist um</translation>
    </message>
    <message>
        <source>{left} left</source>
        <translation>noch {left}</translation>
    </message>
    <message>
        <source>{locked}: it can be removed after that day</source>
        <translation>{locked}: Es kann nach diesem Tag entfernt werden</translation>
    </message>
    <message>
        <source>Remove this limit</source>
        <translation>Dieses Limit entfernen</translation>
    </message>
    <message>
        <source>there is no limit on {target}</source>
        <translation>für {target} gibt es kein Limit</translation>
    </message>
    <message>
        <source>{target} is locked until {day}: it cannot be removed before then; you can make it stricter, not looser</source>
        <translation>das Limit für {target} ist bis {day} festgelegt: bis dahin kann es nicht entfernt werden; du kannst es strenger machen, nicht lockerer</translation>
    </message>
    <message>
        <source>{target} is locked until {day}: you can make it stricter, not looser</source>
        <translation>das Limit für {target} ist bis {day} festgelegt: du kannst es strenger machen, nicht lockerer</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a duration; write it like 10m, 1h30m or 90s</source>
        <translation>&apos;{text}&apos; ist keine Dauer; schreib sie wie 10m, 1h30m oder 90s</translation>
    </message>
    <message>
        <source>a limit must be more than zero, not &apos;{text}&apos;</source>
        <translation>ein Limit muss mehr als null sein, nicht &apos;{text}&apos;</translation>
    </message>
    <message>
        <source>a daily limit can be at most 24h, not &apos;{text}&apos;</source>
        <translation>ein Tageslimit kann höchstens 24h sein, nicht &apos;{text}&apos;</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; are not days; write them like mon-fri, sat,sun or daily</source>
        <translation>&apos;{text}&apos; sind keine Tage; schreib sie wie mon-fri, sat,sun oder daily</translation>
    </message>
    <message>
        <source>&apos;{part}&apos; is not a day; use mon, tue, wed, thu, fri, sat, sun, a range like mon-fri, or daily</source>
        <translation>&apos;{part}&apos; ist kein Tag; nimm mon, tue, wed, thu, fri, sat, sun, einen Bereich wie mon-fri oder daily</translation>
    </message>
    <message>
        <source>name what to limit: an app, a site, category:NAME or total</source>
        <translation>gib an, was begrenzt werden soll: eine App, eine Website, category:NAME oder total</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; names no category</source>
        <translation>&apos;{text}&apos; nennt keine Kategorie</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; names no app</source>
        <translation>&apos;{text}&apos; nennt keine App</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; names no site</source>
        <translation>&apos;{text}&apos; nennt keine Website</translation>
    </message>
    <message>
        <source>category &apos;{name}&apos; is not an app, site or category you have used; did you mean {names}?</source>
        <translation>die Kategorie &apos;{name}&apos; ist keine App, Website oder Kategorie, die du genutzt hast; meintest du {names}?</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not an app, site or category you have used; did you mean {names}?</source>
        <translation>&apos;{name}&apos; ist keine App, Website oder Kategorie, die du genutzt hast; meintest du {names}?</translation>
    </message>
    <message>
        <source>category &apos;{name}&apos; is not an app, site or category you have used; &apos;wellbeing report --json&apos; lists the app keys and sites</source>
        <translation>die Kategorie &apos;{name}&apos; ist keine App, Website oder Kategorie, die du genutzt hast; &apos;wellbeing report --json&apos; listet die App-Schlüssel und Websites auf</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not an app, site or category you have used; &apos;wellbeing report --json&apos; lists the app keys and sites</source>
        <translation>&apos;{name}&apos; ist keine App, Website oder Kategorie, die du genutzt hast; &apos;wellbeing report --json&apos; listet die App-Schlüssel und Websites auf</translation>
    </message>
</context>
<context>
    <name>LimitsPage</name>
    <message>
        <source>Limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <source>Limit total screen time…</source>
        <translation>Gesamte Bildschirmzeit begrenzen…</translation>
    </message>
    <message>
        <source>Limit total screen time</source>
        <translation>Gesamte Bildschirmzeit begrenzen</translation>
    </message>
    <message>
        <source>Daily limits</source>
        <translation>Tägliche Limits</translation>
    </message>
    <message>
        <source>No limits yet. Choose “Set limit…” on an app, a site or a category in Your activity, or limit your total screen time.</source>
        <translation>Noch keine Limits. Wähle „Limit festlegen…“ bei einer App, einer Website oder einer Kategorie in deiner Aktivität, oder begrenze deine gesamte Bildschirmzeit.</translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation>Auszeit</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Downtime on</source>
        <translation>Auszeit an</translation>
    </message>
    <message>
        <source>During downtime, everything but what is always allowed shows the “Time&apos;s up” screen.</source>
        <translation>Während der Auszeit zeigt alles außer dem immer Erlaubten den „Zeit ist um“-Bildschirm.</translation>
    </message>
    <message>
        <source>Downtime starts</source>
        <translation>Auszeit beginnt</translation>
    </message>
    <message>
        <source>Downtime ends</source>
        <translation>Auszeit endet</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Always allowed</source>
        <translation>Immer erlaubt</translation>
    </message>
    <message>
        <source>e.g. signal-desktop, wikipedia.org, category:Reading</source>
        <translation>z. B. signal-desktop, wikipedia.org, category:Reading</translation>
    </message>
    <message>
        <source>This week: no limit was reached.</source>
        <translation>Diese Woche: Kein Limit wurde erreicht.</translation>
    </message>
</context>
<context>
    <name>NoticePresenter</name>
    <message>
        <source>Log file: {path}</source>
        <translation>Protokolldatei: {path}</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>A quick question</source>
        <translation>Eine kurze Frage</translation>
    </message>
    <message>
        <source>How is your mood right now? One tap, 0 to 10. (Open for an hour.)</source>
        <translation>Wie ist deine Stimmung gerade? Ein Tipp, 0 bis 10. (Eine Stunde lang offen.)</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Four quick questions about today, under a minute. This week&apos;s short questionnaires are ready too. (Wellbeing → Experiment.)</source>
        <translation>Vier kurze Fragen zu heute, weniger als eine Minute. Die kurzen Fragebögen dieser Woche sind auch bereit. (Wellbeing → Experiment.)</translation>
    </message>
    <message>
        <source>Four quick questions about today, under a minute. (Wellbeing → Experiment.)</source>
        <translation>Vier kurze Fragen zu heute, weniger als eine Minute. (Wellbeing → Experiment.)</translation>
    </message>
    <message>
        <source>A gentle reminder: evening check-in</source>
        <translation>Eine freundliche Erinnerung: Abend-Check-in</translation>
    </message>
    <message>
        <source>Evening check-in</source>
        <translation>Abend-Check-in</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Einchecken</translation>
    </message>
    <message>
        <source>your computer</source>
        <translation>deinen Computer</translation>
    </message>
    <message>
        <source>{left} left for {name} today</source>
        <translation>Noch {left} für {name} heute</translation>
    </message>
    <message>
        <source>You&apos;ve used {name} for {used} today; your limit is {limit}.</source>
        <translation>Du hast {name} heute {used} genutzt; dein Limit ist {limit}.</translation>
    </message>
    <message>
        <source>It&apos;s downtime</source>
        <translation>Auszeit</translation>
    </message>
    <message>
        <source>{name} is not on your always-allowed list during downtime.</source>
        <translation>{name} steht nicht auf deiner Liste der immer erlaubten Apps während der Auszeit.</translation>
    </message>
    <message>
        <source>(The &quot;Time&apos;s up&quot; screen needs the tray app.)</source>
        <translation>(Der Bildschirm „Zeit ist um“ braucht die Panel-App.)</translation>
    </message>
    <message>
        <source>15 more minutes ({left} left)</source>
        <translation>15 Minuten mehr (noch {left})</translation>
    </message>
    <message>
        <source>Time&apos;s up for {name}</source>
        <translation>Zeit ist um für {name}</translation>
    </message>
    <message>
        <source>Still on {name}</source>
        <translation>Immer noch bei {name}</translation>
    </message>
    <message>
        <source>{used} today, {over} over your limit.</source>
        <translation>{used} heute, {over} über deinem Limit.</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <source>d MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy</source>
        <translation>dddd, d. MMMM yyyy</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <translation>ddd, d. MMM</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <translation>MMMM yyyy</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>d MMMM</source>
        <translation>d. MMMM</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <translation>d. MMMM yyyy</translation>
    </message>
    <message>
        <source>d</source>
        <translation>d.</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
</context>
<context>
    <name>PhoneDialog</name>
    <message>
        <source>Phone screen time — Wellbeing</source>
        <translation>Bildschirmzeit am Handy — Wellbeing</translation>
    </message>
    <message>
        <source>wellbeing cannot see your phone. If you like, open Screen Time (iPhone) or Digital Wellbeing (Android) and type in the daily average of this week for each one. It is shown in the report beside the tracked figures, marked as self-reported.</source>
        <translation>wellbeing kann dein Handy nicht sehen. Wenn du magst, öffne Bildschirmzeit (iPhone) oder Digital Wellbeing (Android) und trag für jede Plattform den Tagesdurchschnitt dieser Woche ein. Er steht im Bericht neben den aufgezeichneten Werten, als selbst angegeben markiert.</translation>
    </message>
    <message>
        <source> min a day</source>
        <translation> Min. am Tag</translation>
    </message>
</context>
<context>
    <name>Platform</name>
    <message>
        <source>No way to see the focused window in this session. Tried {reasons}.</source>
        <translation>In dieser Sitzung lässt sich das Fenster im Vordergrund nicht erkennen. Versucht: {reasons}.</translation>
    </message>
    <message>
        <source>wellbeing cannot track on this system ({system}) yet: no backend exists for it</source>
        <translation>Wellbeing kann auf diesem System ({system}) noch nicht aufzeichnen: es gibt kein Backend dafür</translation>
    </message>
    <message>
        <source>use --fake-platform to try the app with demo data</source>
        <translation>nutze --fake-platform, um die App mit Demodaten auszuprobieren</translation>
    </message>
    <message>
        <source>The backend set in config.toml (platform.backend = &quot;{backend}&quot;) cannot work here: {detail}.</source>
        <translation>Das in config.toml eingestellte Backend (platform.backend = &quot;{backend}&quot;) kann hier nicht funktionieren: {detail}.</translation>
    </message>
    <message>
        <source>{fix}; or set platform.backend to &quot;auto&quot; to let wellbeing choose</source>
        <translation>{fix}; oder setze platform.backend auf &quot;auto&quot;, damit Wellbeing selbst wählt</translation>
    </message>
    <message>
        <source>set platform.backend to &quot;auto&quot; to let wellbeing choose</source>
        <translation>setze platform.backend auf &quot;auto&quot;, damit Wellbeing selbst wählt</translation>
    </message>
    <message>
        <source>platform.backend = &quot;{backend}&quot; names no backend (known: {known})</source>
        <translation>platform.backend = &quot;{backend}&quot; nennt kein Backend (bekannt: {known})</translation>
    </message>
    <message>
        <source>fix platform.backend in config.toml, or set it to &quot;auto&quot;</source>
        <translation>korrigiere platform.backend in config.toml oder setze es auf &quot;auto&quot;</translation>
    </message>
    <message>
        <source>platform.backend = &quot;{backend}&quot; is not for this system ({system})</source>
        <translation>platform.backend = &quot;{backend}&quot; ist nicht für dieses System ({system})</translation>
    </message>
    <message>
        <source>set platform.backend to &quot;auto&quot; in config.toml</source>
        <translation>setze platform.backend in config.toml auf &quot;auto&quot;</translation>
    </message>
    <message>
        <source>none works, notices only go to the log</source>
        <translation>keiner funktioniert, Hinweise landen nur im Protokoll</translation>
    </message>
    <message>
        <source>; if it fails: {others}</source>
        <translation>; falls das scheitert: {others}</translation>
    </message>
    <message>
        <source>; not available: {reasons}</source>
        <translation>; nicht verfügbar: {reasons}</translation>
    </message>
    <message>
        <source>switches {desktop}&apos;s Do Not Disturb</source>
        <translation>schaltet „Bitte nicht stören“ von {desktop}</translation>
    </message>
    <message>
        <source>system D-Bus</source>
        <translation>System-D-Bus</translation>
    </message>
    <message>
        <source>session D-Bus</source>
        <translation>Sitzungs-D-Bus</translation>
    </message>
    <message>
        <source>D-Bus at {address}</source>
        <translation>D-Bus unter {address}</translation>
    </message>
    <message>
        <source>jeepney is not installed</source>
        <translation>jeepney ist nicht installiert</translation>
    </message>
    <message>
        <source>install jeepney</source>
        <translation>installiere jeepney</translation>
    </message>
    <message>
        <source>no {bus} to {purpose} ({why})</source>
        <translation>kein {bus}, um {purpose} ({why})</translation>
    </message>
    <message>
        <source>exit code {code}</source>
        <translation>Exit-Code {code}</translation>
    </message>
    <message>
        <source>{what}: unexpected answer {answer}</source>
        <translation>{what}: unerwartete Antwort {answer}</translation>
    </message>
    <message>
        <source>no session D-Bus (DBUS_SESSION_BUS_ADDRESS is not set)</source>
        <translation>kein Sitzungs-D-Bus (DBUS_SESSION_BUS_ADDRESS ist nicht gesetzt)</translation>
    </message>
    <message>
        <source>dunstctl is not installed (no dunst)</source>
        <translation>dunstctl ist nicht installiert (kein dunst)</translation>
    </message>
    <message>
        <source>dunst is not running</source>
        <translation>dunst läuft nicht</translation>
    </message>
    <message>
        <source>dunst did not pause</source>
        <translation>dunst hat nicht pausiert</translation>
    </message>
    <message>
        <source>dunst did not take its pause state back</source>
        <translation>dunst hat seinen Pausenzustand nicht zurückgenommen</translation>
    </message>
    <message>
        <source>not a GNOME session (XDG_CURRENT_DESKTOP does not name GNOME)</source>
        <translation>keine GNOME-Sitzung (XDG_CURRENT_DESKTOP nennt GNOME nicht)</translation>
    </message>
    <message>
        <source>gsettings is not installed</source>
        <translation>gsettings ist nicht installiert</translation>
    </message>
    <message>
        <source>gsettings cannot read</source>
        <translation>gsettings kann nicht lesen</translation>
    </message>
    <message>
        <source>gsettings cannot set</source>
        <translation>gsettings kann nicht setzen</translation>
    </message>
    <message>
        <source>no session D-Bus ({error})</source>
        <translation>kein Sitzungs-D-Bus ({error})</translation>
    </message>
    <message>
        <source>the notification server offers no inhibitions (not KDE Plasma)</source>
        <translation>der Benachrichtigungsdienst bietet keine Unterdrückung an (kein KDE Plasma)</translation>
    </message>
    <message>
        <source>the notification server did not answer {call}: {error}</source>
        <translation>der Benachrichtigungsdienst hat auf {call} nicht geantwortet: {error}</translation>
    </message>
    <message>
        <source>the fake desktop does not answer</source>
        <translation>der vorgespielte Desktop antwortet nicht</translation>
    </message>
    <message>
        <source>The desktop&apos;s Do Not Disturb cannot be switched here ({reasons})</source>
        <translation>„Bitte nicht stören“ des Desktops lässt sich hier nicht schalten ({reasons})</translation>
    </message>
    <message>
        <source>quiet mode works with dunst, GNOME and KDE Plasma</source>
        <translation>die Stummschaltung funktioniert mit dunst, GNOME und KDE Plasma</translation>
    </message>
    <message>
        <source>not a GNOME Wayland session (XDG_SESSION_TYPE={kind}, XDG_CURRENT_DESKTOP={desktop})</source>
        <translation>keine GNOME-Sitzung unter Wayland (XDG_SESSION_TYPE={kind}, XDG_CURRENT_DESKTOP={desktop})</translation>
    </message>
    <message>
        <source>no session D-Bus to ask GNOME Shell ({error})</source>
        <translation>kein Sitzungs-D-Bus, um GNOME Shell zu fragen ({error})</translation>
    </message>
    <message>
        <source>GNOME Shell did not answer on the session bus: {error}</source>
        <translation>GNOME Shell hat auf dem Sitzungsbus nicht geantwortet: {error}</translation>
    </message>
    <message>
        <source>lost the session bus, so GNOME Shell cannot be asked: {error}</source>
        <translation>die Verbindung zum Sitzungsbus ist weg, daher lässt sich GNOME Shell nicht fragen: {error}</translation>
    </message>
    <message>
        <source>lost the session bus: {error}</source>
        <translation>die Verbindung zum Sitzungsbus ist weg: {error}</translation>
    </message>
    <message>
        <source>Mutter&apos;s idle monitor did not answer: {error}</source>
        <translation>der Leerlaufmonitor von Mutter hat nicht geantwortet: {error}</translation>
    </message>
    <message>
        <source>log out and back in once (GNOME Shell on Wayland loads new extensions only then)</source>
        <translation>melde dich einmal ab und wieder an (GNOME Shell unter Wayland lädt neue Erweiterungen erst dann)</translation>
    </message>
    <message>
        <source>Log out and back in once (GNOME Shell on Wayland loads new extensions only then)</source>
        <translation>Melde dich einmal ab und wieder an (GNOME Shell unter Wayland lädt neue Erweiterungen erst dann)</translation>
    </message>
    <message>
        <source>run &apos;{command}&apos;, then {log_out}</source>
        <translation>führe &apos;{command}&apos; aus, dann {log_out}</translation>
    </message>
    <message>
        <source>the wellbeing GNOME Shell extension works, but version {installed} is installed and this wellbeing ships version {shipped}</source>
        <translation>die GNOME-Shell-Erweiterung von Wellbeing funktioniert, aber installiert ist Version {installed}, und dieses wellbeing bringt Version {shipped} mit</translation>
    </message>
    <message>
        <source>the wellbeing GNOME Shell extension works</source>
        <translation>die GNOME-Shell-Erweiterung von Wellbeing funktioniert</translation>
    </message>
    <message>
        <source>GNOME Shell does not answer on the session bus</source>
        <translation>GNOME Shell antwortet nicht auf dem Sitzungsbus</translation>
    </message>
    <message>
        <source>run wellbeing inside your GNOME session</source>
        <translation>starte wellbeing in deiner GNOME-Sitzung</translation>
    </message>
    <message>
        <source>the wellbeing GNOME Shell extension is not installed (GNOME on Wayland lets only an extension see which window is in front)</source>
        <translation>die GNOME-Shell-Erweiterung von Wellbeing ist nicht installiert (unter GNOME mit Wayland kann nur eine Erweiterung sehen, welches Fenster im Vordergrund ist)</translation>
    </message>
    <message>
        <source>the wellbeing GNOME Shell extension is installed but GNOME Shell has not loaded it yet</source>
        <translation>die GNOME-Shell-Erweiterung von Wellbeing ist installiert, aber GNOME Shell hat sie noch nicht geladen</translation>
    </message>
    <message>
        <source>extensions are turned off in GNOME, so the wellbeing extension cannot run</source>
        <translation>Erweiterungen sind in GNOME ausgeschaltet, daher kann die Erweiterung von Wellbeing nicht laufen</translation>
    </message>
    <message>
        <source>turn on &apos;Use Extensions&apos; in the Extensions app, or run &apos;gsettings set org.gnome.shell disable-user-extensions false&apos;</source>
        <translation>schalte &apos;Erweiterungen verwenden&apos; in der App Erweiterungen ein oder führe &apos;gsettings set org.gnome.shell disable-user-extensions false&apos; aus</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>the wellbeing GNOME Shell extension failed to start: {error}</source>
        <translation>die GNOME-Shell-Erweiterung von Wellbeing ließ sich nicht starten: {error}</translation>
    </message>
    <message>
        <source>the installed wellbeing extension is not marked as working with GNOME {version}</source>
        <translation>die installierte Erweiterung von Wellbeing ist nicht als passend für GNOME {version} gekennzeichnet</translation>
    </message>
    <message>
        <source>update wellbeing, then {reinstall}</source>
        <translation>aktualisiere wellbeing, dann {reinstall}</translation>
    </message>
    <message>
        <source>the wellbeing GNOME Shell extension was updated; GNOME Shell still runs the copy it loaded at log-in</source>
        <translation>die GNOME-Shell-Erweiterung von Wellbeing wurde aktualisiert; GNOME Shell nutzt noch die Fassung, die es bei der Anmeldung geladen hat</translation>
    </message>
    <message>
        <source>the wellbeing GNOME Shell extension is enabled but does not answer on the session bus</source>
        <translation>die GNOME-Shell-Erweiterung von Wellbeing ist aktiviert, antwortet aber nicht auf dem Sitzungsbus</translation>
    </message>
    <message>
        <source>the wellbeing GNOME Shell extension is installed but disabled</source>
        <translation>die GNOME-Shell-Erweiterung von Wellbeing ist installiert, aber deaktiviert</translation>
    </message>
    <message>
        <source>run &apos;gnome-extensions enable {uuid}&apos; (or &apos;{command}&apos;)</source>
        <translation>führe &apos;gnome-extensions enable {uuid}&apos; aus (oder &apos;{command}&apos;)</translation>
    </message>
    <message>
        <source>cannot install the GNOME Shell extension in {folder}: {error}</source>
        <translation>die GNOME-Shell-Erweiterung lässt sich nicht in {folder} installieren: {error}</translation>
    </message>
    <message>
        <source>make {folder} writable for you, then run &apos;{command}&apos; again</source>
        <translation>mach {folder} für dich beschreibbar und führe dann &apos;{command}&apos; noch einmal aus</translation>
    </message>
    <message>
        <source>the extension is installed but could not be enabled: {error}</source>
        <translation>die Erweiterung ist installiert, ließ sich aber nicht aktivieren: {error}</translation>
    </message>
    <message>
        <source>enable &apos;wellbeing focus reporter&apos; in the Extensions app, or run &apos;gnome-extensions enable {uuid}&apos; after logging in again</source>
        <translation>aktiviere &apos;wellbeing focus reporter&apos; in der App Erweiterungen oder führe nach dem erneuten Anmelden &apos;gnome-extensions enable {uuid}&apos; aus</translation>
    </message>
    <message>
        <source>no session D-Bus to ask KWin about windows ({error})</source>
        <translation>kein Sitzungs-D-Bus, um KWin nach Fenstern zu fragen ({error})</translation>
    </message>
    <message>
        <source>KWin did not load wellbeing&apos;s script: {error}</source>
        <translation>KWin hat das Skript von Wellbeing nicht geladen: {error}</translation>
    </message>
    <message>
        <source>KWin does not run on the session bus: this is not a KDE Plasma session</source>
        <translation>KWin läuft nicht auf dem Sitzungsbus: Dies ist keine KDE-Plasma-Sitzung</translation>
    </message>
    <message>
        <source>this backend is for KDE Plasma; log in to a Plasma session</source>
        <translation>dieses Backend ist für KDE Plasma; melde dich in einer Plasma-Sitzung an</translation>
    </message>
    <message>
        <source>KWin refused wellbeing&apos;s script (loadScript returned an error)</source>
        <translation>KWin hat das Skript von Wellbeing abgelehnt (loadScript meldete einen Fehler)</translation>
    </message>
    <message>
        <source>wellbeing&apos;s KWin script was loaded but never reported</source>
        <translation>das KWin-Skript von Wellbeing wurde geladen, hat sich aber nie gemeldet</translation>
    </message>
    <message>
        <source>KWin loaded wellbeing&apos;s script but would not run it: {error}</source>
        <translation>KWin hat das Skript von Wellbeing geladen, aber nicht ausgeführt: {error}</translation>
    </message>
    <message>
        <source>lost the session D-Bus: {error}</source>
        <translation>die Verbindung zum Sitzungs-D-Bus ist weg: {error}</translation>
    </message>
    <message>
        <source>KWin left the session bus (the session ended?)</source>
        <translation>KWin hat den Sitzungsbus verlassen (Sitzung beendet?)</translation>
    </message>
    <message>
        <source>WAYLAND_DISPLAY is not set: this is not a Wayland session</source>
        <translation>WAYLAND_DISPLAY ist nicht gesetzt: Dies ist keine Wayland-Sitzung</translation>
    </message>
    <message>
        <source>open System Settings &gt; Privacy &amp; Security &gt; Accessibility, turn on the app that runs wellbeing (Terminal for `wellbeing track`, else Wellbeing or Python), then quit and start wellbeing again</source>
        <translation>öffne Systemeinstellungen &gt; Datenschutz &amp; Sicherheit &gt; Bedienungshilfen, schalte die App ein, in der wellbeing läuft (Terminal für `wellbeing track`, sonst Wellbeing oder Python), dann beende wellbeing und starte es neu</translation>
    </message>
    <message>
        <source>this is not macOS (the system is {system})</source>
        <translation>dies ist kein macOS (das System ist {system})</translation>
    </message>
    <message>
        <source>Accessibility permission granted</source>
        <translation>Zugriff auf Bedienungshilfen erlaubt</translation>
    </message>
    <message>
        <source>no Accessibility permission: apps are tracked, window titles (websites) are not</source>
        <translation>kein Zugriff auf Bedienungshilfen: Apps werden aufgezeichnet, Fenstertitel (Websites) nicht</translation>
    </message>
    <message>
        <source>reinstall wellbeing, or: pip install pyobjc-framework-Cocoa pyobjc-framework-Quartz pyobjc-framework-ApplicationServices</source>
        <translation>installiere wellbeing neu, oder: pip install pyobjc-framework-Cocoa pyobjc-framework-Quartz pyobjc-framework-ApplicationServices</translation>
    </message>
    <message>
        <source>Cocoa exists only on macOS, not on {system}</source>
        <translation>Cocoa gibt es nur unter macOS, nicht unter {system}</translation>
    </message>
    <message>
        <source>pyobjc is missing ({module}), so macOS cannot be asked which app is in front</source>
        <translation>pyobjc fehlt ({module}), daher lässt sich macOS nicht fragen, welche App im Vordergrund ist</translation>
    </message>
    <message>
        <source>with buttons</source>
        <translation>mit Schaltflächen</translation>
    </message>
    <message>
        <source>without buttons</source>
        <translation>ohne Schaltflächen</translation>
    </message>
    <message>
        <source>run wellbeing inside your desktop session, which provides a session bus</source>
        <translation>starte wellbeing in deiner Desktop-Sitzung, die einen Sitzungsbus bereitstellt</translation>
    </message>
    <message>
        <source>cannot connect to the session D-Bus ({error})</source>
        <translation>keine Verbindung zum Sitzungs-D-Bus ({error})</translation>
    </message>
    <message>
        <source>the notification server does not answer properly: {error}</source>
        <translation>der Benachrichtigungsdienst antwortet nicht richtig: {error}</translation>
    </message>
    <message>
        <source>no notification server on the session bus</source>
        <translation>kein Benachrichtigungsdienst auf dem Sitzungsbus</translation>
    </message>
    <message>
        <source>install a notification daemon such as dunst, or use a desktop with one</source>
        <translation>installiere einen Benachrichtigungsdienst wie dunst oder nutze einen Desktop, der einen hat</translation>
    </message>
    <message>
        <source>the notification server did not answer within {seconds} s</source>
        <translation>der Benachrichtigungsdienst hat nicht innerhalb von {seconds} s geantwortet</translation>
    </message>
    <message>
        <source>the session D-Bus does not answer ({error})</source>
        <translation>der Sitzungs-D-Bus antwortet nicht ({error})</translation>
    </message>
    <message>
        <source>plyer is not installed</source>
        <translation>plyer ist nicht installiert</translation>
    </message>
    <message>
        <source>install plyer</source>
        <translation>installiere plyer</translation>
    </message>
    <message>
        <source>plyer has no notifications on {system}: {error}</source>
        <translation>plyer hat unter {system} keine Benachrichtigungen: {error}</translation>
    </message>
    <message>
        <source>plyer found no way to notify here (neither dbus-python nor notify-send)</source>
        <translation>plyer hat hier keinen Weg für Benachrichtigungen gefunden (weder dbus-python noch notify-send)</translation>
    </message>
    <message>
        <source>install libnotify-bin (notify-send)</source>
        <translation>installiere libnotify-bin (notify-send)</translation>
    </message>
    <message>
        <source>no session D-Bus for plyer&apos;s notify-send or dbus-python</source>
        <translation>kein Sitzungs-D-Bus für notify-send oder dbus-python von plyer</translation>
    </message>
    <message>
        <source>follow the screen saver</source>
        <translation>dem Bildschirmschoner zu folgen</translation>
    </message>
    <message>
        <source>the session bus did not answer: {error}</source>
        <translation>der Sitzungsbus hat nicht geantwortet: {error}</translation>
    </message>
    <message>
        <source>on this Wayland session it sees only XWayland windows: time in native Wayland apps counts as nothing focused</source>
        <translation>in dieser Wayland-Sitzung sieht es nur XWayland-Fenster: Zeit in echten Wayland-Apps zählt, als wäre nichts im Vordergrund</translation>
    </message>
    <message>
        <source>{kind} session</source>
        <translation>{kind}-Sitzung</translation>
    </message>
    <message>
        <source>no graphical session</source>
        <translation>keine grafische Sitzung</translation>
    </message>
    <message>
        <source>desktop {name}</source>
        <translation>Desktop {name}</translation>
    </message>
    <message>
        <source>DISPLAY is not set: this Wayland session runs no XWayland</source>
        <translation>DISPLAY ist nicht gesetzt: In dieser Wayland-Sitzung läuft kein XWayland</translation>
    </message>
    <message>
        <source>see the fixes of the Wayland backends above</source>
        <translation>sieh dir die Lösungen der Wayland-Backends oben an</translation>
    </message>
    <message>
        <source>DISPLAY is not set: this is not an X11 session</source>
        <translation>DISPLAY ist nicht gesetzt: Dies ist keine X11-Sitzung</translation>
    </message>
    <message>
        <source>run wellbeing inside your X11 desktop session (or set DISPLAY)</source>
        <translation>starte wellbeing in deiner X11-Desktop-Sitzung (oder setze DISPLAY)</translation>
    </message>
    <message>
        <source>focused window from {foreground}, idle time from {idle}</source>
        <translation>Fenster im Vordergrund von {foreground}, Zeit ohne Eingabe von {idle}</translation>
    </message>
    <message>
        <source>lock, unlock, sleep and wake from {source}</source>
        <translation>Sperren, Entsperren, Ruhezustand und Aufwachen von {source}</translation>
    </message>
    <message>
        <source>no tracking backend exists for {system} yet</source>
        <translation>für {system} gibt es noch kein Backend zum Aufzeichnen</translation>
    </message>
    <message>
        <source>not used: platform.backend = {backend}; it would work ({detail})</source>
        <translation>nicht genutzt: platform.backend = {backend}; es würde funktionieren ({detail})</translation>
    </message>
    <message>
        <source>not used: platform.backend = {backend}; it would not work either ({detail})</source>
        <translation>nicht genutzt: platform.backend = {backend}; es würde auch nicht funktionieren ({detail})</translation>
    </message>
    <message>
        <source>checked by the GUI when it starts; without a tray the main window opens instead</source>
        <translation>wird von der grafischen Oberfläche beim Start geprüft; ohne Panel öffnet sich stattdessen das Hauptfenster</translation>
    </message>
    <message>
        <source>{chosen} (forced by platform.backend = &quot;{backend}&quot;)</source>
        <translation>{chosen} (vorgegeben durch platform.backend = &quot;{backend}&quot;)</translation>
    </message>
    <message>
        <source>{backend} (automatically)</source>
        <translation>{backend} (automatisch)</translation>
    </message>
    <message>
        <source>none: no backend works in this session</source>
        <translation>keins: In dieser Sitzung funktioniert kein Backend</translation>
    </message>
    <message>
        <source>ask logind about the lock screen</source>
        <translation>logind nach der Bildschirmsperre zu fragen</translation>
    </message>
    <message>
        <source>logind cannot tell whether this session is locked: {error}</source>
        <translation>logind kann nicht sagen, ob diese Sitzung gesperrt ist: {error}</translation>
    </message>
    <message>
        <source>{problem}; a locked screen will not pause tracking by itself (idle time still does, after the idle limit), and a suspend is only noticed after waking</source>
        <translation>{problem}; ein gesperrter Bildschirm hält die Aufzeichnung nicht von selbst an (Zeit ohne Eingabe schon, nach der eingestellten Grenze), und ein Ruhezustand wird erst nach dem Aufwachen bemerkt</translation>
    </message>
    <message>
        <source>lock detection needs systemd-logind on the system bus</source>
        <translation>das Erkennen der Sperre braucht systemd-logind auf dem System-D-Bus</translation>
    </message>
    <message>
        <source>usage is written before the machine sleeps</source>
        <translation>die Nutzung wird vor dem Ruhezustand gespeichert</translation>
    </message>
    <message>
        <source>sleep is seen, but logind would not wait for wellbeing to write first</source>
        <translation>der Ruhezustand wird erkannt, aber logind würde nicht warten, bis Wellbeing gespeichert hat</translation>
    </message>
    <message>
        <source>logind: lock hint, sleep ({sleep}), idle inhibitors</source>
        <translation>logind: Sperrhinweis, Ruhezustand ({sleep}), Leerlaufsperren</translation>
    </message>
    <message>
        <source>screen saver: {problem}</source>
        <translation>Bildschirmschoner: {problem}</translation>
    </message>
    <message>
        <source>none running now; followed if one starts</source>
        <translation>gerade läuft keiner; wird verfolgt, sobald einer startet</translation>
    </message>
    <message>
        <source>screen saver and inhibitors on the session bus: {running}</source>
        <translation>Bildschirmschoner und Leerlaufsperren auf dem Sitzungsbus: {running}</translation>
    </message>
    <message>
        <source>install the Wayland extra: pip install &apos;wellbeing[wayland]&apos; (it adds pywayland)</source>
        <translation>installiere das Wayland-Extra: pip install &apos;wellbeing[wayland]&apos; (es bringt pywayland mit)</translation>
    </message>
    <message>
        <source>run wellbeing inside your Wayland desktop session</source>
        <translation>starte wellbeing in deiner Wayland-Desktop-Sitzung</translation>
    </message>
    <message>
        <source>WAYLAND_DISPLAY is {name} but XDG_RUNTIME_DIR is not set, so its socket cannot be found</source>
        <translation>WAYLAND_DISPLAY ist {name}, aber XDG_RUNTIME_DIR ist nicht gesetzt, daher lässt sich sein Socket nicht finden</translation>
    </message>
    <message>
        <source>run wellbeing inside your desktop session (it sets XDG_RUNTIME_DIR)</source>
        <translation>starte wellbeing in deiner Desktop-Sitzung (sie setzt XDG_RUNTIME_DIR)</translation>
    </message>
    <message>
        <source>pywayland is not installed</source>
        <translation>pywayland ist nicht installiert</translation>
    </message>
    <message>
        <source>cannot connect to the Wayland compositor at {path}</source>
        <translation>keine Verbindung zum Wayland-Compositor unter {path}</translation>
    </message>
    <message>
        <source>lost the connection to the Wayland compositor at {path}: {reason}</source>
        <translation>die Verbindung zum Wayland-Compositor unter {path} ist weg: {reason}</translation>
    </message>
    <message>
        <source>the compositor offers no idle protocol (neither ext-idle-notify-v1 nor org_kde_kwin_idle), so time away from the keyboard cannot be told from use</source>
        <translation>der Compositor bietet kein Leerlauf-Protokoll an (weder ext-idle-notify-v1 noch org_kde_kwin_idle), daher lässt sich Zeit fern der Tastatur nicht von Nutzung unterscheiden</translation>
    </message>
    <message>
        <source>use a compositor that supports ext-idle-notify-v1 (sway, Hyprland, KWin, labwc, river ...)</source>
        <translation>nutze einen Compositor, der ext-idle-notify-v1 unterstützt (sway, Hyprland, KWin, labwc, river ...)</translation>
    </message>
    <message>
        <source>the compositor offers no seat (wl_seat), so no input to watch</source>
        <translation>der Compositor bietet keinen Seat an (wl_seat), also keine Eingabe zum Beobachten</translation>
    </message>
    <message>
        <source>this is not Windows (the system is {system})</source>
        <translation>dies ist kein Windows (das System ist {system})</translation>
    </message>
    <message>
        <source>the Windows API exists only on Windows, not on {system}</source>
        <translation>die Windows-API gibt es nur unter Windows, nicht unter {system}</translation>
    </message>
    <message>
        <source>a Windows API the tracker needs is missing: {error}</source>
        <translation>eine Windows-API, die die Aufzeichnung braucht, fehlt: {error}</translation>
    </message>
    <message>
        <source>GetLastInputInfo failed: idle time cannot be read</source>
        <translation>GetLastInputInfo ist fehlgeschlagen: Die Zeit ohne Eingabe lässt sich nicht lesen</translation>
    </message>
    <message>
        <source>WTSRegisterSessionNotification failed (error {code})</source>
        <translation>WTSRegisterSessionNotification ist fehlgeschlagen (Fehler {code})</translation>
    </message>
    <message>
        <source>a Windows message window cannot exist on {system}</source>
        <translation>ein Windows-Nachrichtenfenster kann es unter {system} nicht geben</translation>
    </message>
    <message>
        <source>the window for lock and sleep notices did not start</source>
        <translation>das Fenster für Meldungen zu Sperre und Ruhezustand ist nicht gestartet</translation>
    </message>
    <message>
        <source>could not create the window for lock and sleep notices</source>
        <translation>das Fenster für Meldungen zu Sperre und Ruhezustand ließ sich nicht anlegen</translation>
    </message>
    <message>
        <source>the compositor does not offer {protocol} (wlr-foreign-toplevel-management), so the focused window cannot be read</source>
        <translation>der Compositor bietet {protocol} nicht an (wlr-foreign-toplevel-management), daher lässt sich das Fenster im Vordergrund nicht lesen</translation>
    </message>
    <message>
        <source>this backend works on wlroots compositors (sway, Hyprland, river, labwc, Wayfire); on GNOME or KDE use their own backend</source>
        <translation>dieses Backend funktioniert mit wlroots-Compositors (sway, Hyprland, river, labwc, Wayfire); unter GNOME oder KDE nutze deren eigenes Backend</translation>
    </message>
    <message>
        <source>cannot connect to the X server on {display}: {error}</source>
        <translation>keine Verbindung zum X-Server auf {display}: {error}</translation>
    </message>
    <message>
        <source>run an EWMH window manager (openbox, xfwm4, KWin, Mutter, i3 ... all are)</source>
        <translation>nutze einen EWMH-Fenstermanager (openbox, xfwm4, KWin, Mutter, i3 ... das sind alle)</translation>
    </message>
    <message>
        <source>no EWMH window manager runs on this display</source>
        <translation>auf diesem Display läuft kein EWMH-Fenstermanager</translation>
    </message>
    <message>
        <source>the window manager that set up this display is gone</source>
        <translation>der Fenstermanager, der dieses Display eingerichtet hat, ist nicht mehr da</translation>
    </message>
    <message>
        <source>the window manager does not publish _NET_ACTIVE_WINDOW</source>
        <translation>der Fenstermanager veröffentlicht _NET_ACTIVE_WINDOW nicht</translation>
    </message>
    <message>
        <source>lost the connection to the X server on {display}: {error}</source>
        <translation>die Verbindung zum X-Server auf {display} ist weg: {error}</translation>
    </message>
    <message>
        <source>the X server has no MIT-SCREEN-SAVER extension, so idle time cannot be read</source>
        <translation>der X-Server hat keine MIT-SCREEN-SAVER-Erweiterung, daher lässt sich die Zeit ohne Eingabe nicht lesen</translation>
    </message>
    <message>
        <source>enable the MIT-SCREEN-SAVER extension (Xvfb: do not pass -extension MIT-SCREEN-SAVER)</source>
        <translation>aktiviere die Erweiterung MIT-SCREEN-SAVER (Xvfb: gib nicht -extension MIT-SCREEN-SAVER an)</translation>
    </message>
    <message>
        <source>lost the connection to the X server: {error}</source>
        <translation>die Verbindung zum X-Server ist weg: {error}</translation>
    </message>
</context>
<context>
    <name>PromptDialog</name>
    <message>
        <source>A quick question — Wellbeing</source>
        <translation>Eine kurze Frage — Wellbeing</translation>
    </message>
    <message>
        <source>How is your mood right now?</source>
        <translation>Wie ist deine Stimmung gerade?</translation>
    </message>
    <message>
        <source>Very low</source>
        <translation>Sehr schlecht</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>Sehr gut</translation>
    </message>
    <message>
        <source>Choose a number from 0 to 10 first.</source>
        <translation>Wähle zuerst eine Zahl von 0 bis 10.</translation>
    </message>
</context>
<context>
    <name>QuestionnaireDialog</name>
    <message>
        <source>These questions are shown in their validated English wording.</source>
        <translation>Diese Fragen werden in ihrer validierten englischen Fassung gezeigt.</translation>
    </message>
    <message>
        <source>{name} — Wellbeing</source>
        <translation>{name} — Wellbeing</translation>
    </message>
    <message>
        <source>Source: {citation}</source>
        <translation>Quelle: {citation}</translation>
    </message>
    <message>
        <source>Item {number} (&quot;{item}&quot;) is not answered yet.</source>
        <translation>Frage {number} („{item}“) ist noch nicht beantwortet.</translation>
    </message>
    <message>
        <source>Saved. Your score: {score} ({band}).</source>
        <translation>Gespeichert. Dein Wert: {score} ({band}).</translation>
    </message>
    <message>
        <source>Saved. Your score: {score}.</source>
        <translation>Gespeichert. Dein Wert: {score}.</translation>
    </message>
</context>
<context>
    <name>QuietMenu</name>
    <message>
        <source>15 minutes</source>
        <translation>15 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>2 hours</source>
        <translation>2 Stunden</translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation>8 Stunden</translation>
    </message>
    <message>
        <source>Quiet notifications</source>
        <translation>Benachrichtigungen stummschalten</translation>
    </message>
    <message>
        <source>For {time}</source>
        <translation>Für {time}</translation>
    </message>
    <message>
        <source>Turn quiet mode off</source>
        <translation>Stummschaltung beenden</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>This is not a diagnosis or medical advice.</source>
        <translation>Dies ist keine Diagnose und keine medizinische Beratung.</translation>
    </message>
    <message>
        <source>Questionnaires are answered once a week, so each phase has only a few points ({baseline} in the baseline, {limited} in limited weeks): the means describe them; no difference is estimated.</source>
        <translation>Fragebögen werden einmal pro Woche beantwortet, daher hat jede Phase nur wenige Werte ({baseline} in der Ausgangsphase, {limited} in begrenzten Wochen): die Mittelwerte beschreiben sie; ein Unterschied wird nicht geschätzt.</translation>
    </message>
    <message>
        <source>Not enough data: a difference needs at least {least} check-ins in each phase (baseline has {baseline}, limited weeks {limited}).</source>
        <translation>Nicht genug Daten: ein Unterschied braucht mindestens {least} Check-ins in jeder Phase (Ausgangsphase: {baseline}, begrenzte Wochen: {limited}).</translation>
    </message>
    <message>
        <source>Difference is limited minus baseline; the range is a 95% moving-block bootstrap interval.</source>
        <translation>Der Unterschied ist „begrenzt minus Ausgangsphase“; der Bereich ist ein 95-%-Moving-Block-Bootstrap-Intervall.</translation>
    </message>
    <message>
        <source>The randomisation test runs once every week is over.</source>
        <translation>Der Randomisierungstest läuft, sobald alle Wochen vorbei sind.</translation>
    </message>
    <message>
        <source>The randomisation test needs check-ins in both kinds of week.</source>
        <translation>Der Randomisierungstest braucht Check-ins in beiden Arten von Wochen.</translation>
    </message>
    <message>
        <source>p is from a randomisation test over the {orders} orders the design could draw (the smallest p it can give is {smallest}).</source>
        <translation>p stammt aus einem Randomisierungstest über die {orders} Reihenfolgen, die der Ablauf ziehen konnte (das kleinste mögliche p ist {smallest}).</translation>
    </message>
    <message>
        <source>You kept within your limits on {within} of {days} limited days.</source>
        <translation>Du bist an {within} von {days} begrenzten Tagen innerhalb deiner Limits geblieben.</translation>
    </message>
    <message>
        <source>On this computer the chosen sites and apps took {before} min a day in the baseline and {during} min a day in limited weeks.</source>
        <translation>Auf diesem Computer haben die gewählten Websites und Apps in der Ausgangsphase {before} Min. am Tag gebraucht und in begrenzten Wochen {during} Min. am Tag.</translation>
    </message>
    <message>
        <source>This is a report so far: the experiment is still running.</source>
        <translation>Dies ist ein Zwischenbericht: das Experiment läuft noch.</translation>
    </message>
    <message>
        <source>There is not enough data yet to compare your {label} between the baseline and limited weeks ({baseline} and {limited} check-ins; {least} in each are needed).</source>
        <translation>Es gibt noch nicht genug Daten, um deinen Wert für „{label}“ zwischen Ausgangsphase und begrenzten Wochen zu vergleichen ({baseline} und {limited} Check-ins; je {least} sind nötig).</translation>
    </message>
    <message>
        <source>Questionnaires come once a week, too few points to tell a change from chance; in studies the average effect of using social media less was small or none.</source>
        <translation>Fragebögen kommen einmal pro Woche, zu wenige Werte, um eine Veränderung vom Zufall zu unterscheiden; in Studien war die durchschnittliche Wirkung, soziale Medien weniger zu nutzen, klein oder null.</translation>
    </message>
    <message>
        <source>Your {label} averaged {size} points higher in limited weeks than in the baseline (95% range {low} to {high}).</source>
        <translation>Dein Wert für „{label}“ lag in begrenzten Wochen im Schnitt {size} Punkte höher als in der Ausgangsphase (95-%-Bereich {low} bis {high}).</translation>
    </message>
    <message>
        <source>Your {label} averaged {size} points lower in limited weeks than in the baseline (95% range {low} to {high}).</source>
        <translation>Dein Wert für „{label}“ lag in begrenzten Wochen im Schnitt {size} Punkte niedriger als in der Ausgangsphase (95-%-Bereich {low} bis {high}).</translation>
    </message>
    <message>
        <source>That fits a benefit for you, but other changes in your life could explain it; in studies the average effect of using social media less was small or none.</source>
        <translation>Das passt zu einem Nutzen für dich, aber andere Veränderungen in deinem Leben könnten es erklären; in Studien war die durchschnittliche Wirkung, soziale Medien weniger zu nutzen, klein oder null.</translation>
    </message>
    <message>
        <source>That fits limiting not helping you in this period, though other changes in your life could explain it; in studies the average effect of using social media less was small or none.</source>
        <translation>Das passt dazu, dass dir das Begrenzen in dieser Zeit nicht geholfen hat, wobei andere Veränderungen in deinem Leben es erklären könnten; in Studien war die durchschnittliche Wirkung, soziale Medien weniger zu nutzen, klein oder null.</translation>
    </message>
    <message>
        <source>The range includes no change at all, so this cannot tell a real change from day-to-day ups and downs; in studies the average effect of using social media less was small or none.</source>
        <translation>Der Bereich schließt „keine Veränderung“ ein, daher lässt sich eine echte Veränderung nicht von den Schwankungen von Tag zu Tag unterscheiden; in Studien war die durchschnittliche Wirkung, soziale Medien weniger zu nutzen, klein oder null.</translation>
    </message>
    <message>
        <source>The random-order test gives p = {p}.</source>
        <translation>Der Test mit zufälliger Reihenfolge ergibt p = {p}.</translation>
    </message>
    <message>
        <source>No {label} has been recorded yet.</source>
        <translation>Für „{label}“ wurde noch nichts erfasst.</translation>
    </message>
    <message>
        <source>Your {label} was {value} in the baseline.</source>
        <translation>Dein Wert für „{label}“ war {value} in der Ausgangsphase.</translation>
    </message>
    <message>
        <source>Your {label} was {value} in limited weeks.</source>
        <translation>Dein Wert für „{label}“ war {value} in begrenzten Wochen.</translation>
    </message>
    <message>
        <source>Your {label} was {before} at the end of the baseline and averaged {during} in limited weeks.</source>
        <translation>Dein Wert für „{label}“ war {before} am Ende der Ausgangsphase und lag in begrenzten Wochen im Schnitt bei {during}.</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Measure</source>
        <translation>Messgröße</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Ausgangsphase</translation>
    </message>
    <message>
        <source>Limited</source>
        <translation>Begrenzt</translation>
    </message>
    <message>
        <source>Difference (95% range)</source>
        <translation>Unterschied (95-%-Bereich)</translation>
    </message>
    <message>
        <source>NAP</source>
        <translation>NAP</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>Ausgangsphase</translation>
    </message>
    <message>
        <source>limited</source>
        <translation>begrenzt</translation>
    </message>
    <message>
        <source>usual</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>Nachbeobachtung</translation>
    </message>
    <message>
        <source>evening mood</source>
        <translation>Stimmung am Abend</translation>
    </message>
    <message>
        <source>loneliness</source>
        <translation>Einsamkeit</translation>
    </message>
    <message>
        <source>anxiety</source>
        <translation>Angst</translation>
    </message>
    <message>
        <source>feeling of missing out</source>
        <translation>Gefühl, etwas zu verpassen</translation>
    </message>
    <message>
        <source>WHO-5 well-being score</source>
        <translation>WHO-5-Wohlbefindenswert</translation>
    </message>
    <message>
        <source>UCLA loneliness score</source>
        <translation>UCLA-Einsamkeitswert</translation>
    </message>
    <message>
        <source>PHQ-8 depression score</source>
        <translation>PHQ-8-Depressionswert</translation>
    </message>
    <message>
        <source>GAD-7 anxiety score</source>
        <translation>GAD-7-Angstwert</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>mood</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <source>Days within your limits: {within} of {days}.</source>
        <translation>Tage innerhalb deiner Limits: {within} von {days}.</translation>
    </message>
    <message>
        <source>{target}: {before} min a day in the baseline, {during} in limited weeks (this computer only).</source>
        <translation>{target}: {before} Min. am Tag in der Ausgangsphase, {during} in begrenzten Wochen (nur dieser Computer).</translation>
    </message>
    <message>
        <source>On days with 10 more minutes on these platforms, your evening mood was on average {points} points lower (correlation {r}, {n} days). Days differ in many ways, so this shows a pattern, not a cause.</source>
        <translation>An Tagen mit 10 Minuten mehr auf diesen Plattformen war deine Stimmung am Abend im Schnitt {points} Punkte niedriger (Korrelation {r}, {n} Tage). Tage unterscheiden sich in vielem, daher zeigt das ein Muster, keine Ursache.</translation>
    </message>
    <message>
        <source>On days with 10 more minutes on these platforms, your evening mood was on average {points} points higher (correlation {r}, {n} days). Days differ in many ways, so this shows a pattern, not a cause.</source>
        <translation>An Tagen mit 10 Minuten mehr auf diesen Plattformen war deine Stimmung am Abend im Schnitt {points} Punkte höher (Korrelation {r}, {n} Tage). Tage unterscheiden sich in vielem, daher zeigt das ein Muster, keine Ursache.</translation>
    </message>
    <message>
        <source>Phone, self-reported, week of {day}: {target} {minutes} min a day.</source>
        <translation>Handy, selbst angegeben, Woche ab {day}: {target} {minutes} Min. am Tag.</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <comment>date format</comment>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>The chart fills in as the days go by.</source>
        <translation>Das Diagramm füllt sich mit jedem Tag.</translation>
    </message>
    <message>
        <source>Bars: tracked minutes a day on your chosen platforms, by phase ({phases}). Line: evening mood (0–10); squares: the weekly WHO-5 well-being score ÷ 10. Day 0 is {day}.</source>
        <translation>Balken: aufgezeichnete Minuten am Tag auf deinen gewählten Plattformen, nach Phase ({phases}). Linie: Stimmung am Abend (0–10); Quadrate: der wöchentliche WHO-5-Wohlbefindenswert ÷ 10. Tag 0 ist der {day}.</translation>
    </message>
    <message>
        <source>not enough data</source>
        <translation>zu wenige Daten</translation>
    </message>
    <message>
        <source>{difference} ({low} to {high})</source>
        <translation>{difference} ({low} bis {high})</translation>
    </message>
    <message>
        <source>{measure} (main)</source>
        <translation>{measure} (Hauptfrage)</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Wellbeing experiment report</source>
        <translation>Wellbeing-Experimentbericht</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>[[rules]] #{number} &quot;{name}&quot;, line {line}</source>
        <translation>[[rules]] #{number} „{name}“, Zeile {line}</translation>
    </message>
    <message>
        <source>[[rules]] #{number}, line {line}</source>
        <translation>[[rules]] #{number}, Zeile {line}</translation>
    </message>
    <message>
        <source>[[rules]] #{number} &quot;{name}&quot;</source>
        <translation>[[rules]] #{number} „{name}“</translation>
    </message>
    <message>
        <source>[[rules]] #{number}</source>
        <translation>[[rules]] #{number}</translation>
    </message>
    <message>
        <source>must be a table of name = &quot;#rrggbb&quot;</source>
        <translation>muss eine Tabelle aus name = &quot;#rrggbb&quot; sein</translation>
    </message>
    <message>
        <source>a category name must be 1 to {most} characters</source>
        <translation>ein Kategoriename muss 1 bis {most} Zeichen lang sein</translation>
    </message>
    <message>
        <source>colour {colour} is not of the form &quot;#rrggbb&quot;</source>
        <translation>die Farbe {colour} hat nicht die Form &quot;#rrggbb&quot;</translation>
    </message>
    <message>
        <source>rule #{number} &quot;{name}&quot;</source>
        <translation>Regel #{number} „{name}“</translation>
    </message>
    <message>
        <source>rule #{number}</source>
        <translation>Regel #{number}</translation>
    </message>
    <message>
        <source>must be an array of tables: [[rules]]</source>
        <translation>muss eine Liste von Tabellen sein: [[rules]]</translation>
    </message>
    <message>
        <source>a rule must be a table</source>
        <translation>eine Regel muss eine Tabelle sein</translation>
    </message>
    <message>
        <source>unknown key {keys}</source>
        <translation>unbekannter Schlüssel {keys}</translation>
    </message>
    <message>
        <source>field must be one of {fields}; got {got}</source>
        <translation>field muss eines von {fields} sein; angegeben ist {got}</translation>
    </message>
    <message>
        <source>match must be one of {matches}; got {got}</source>
        <translation>match muss eines von {matches} sein; angegeben ist {got}</translation>
    </message>
    <message>
        <source>priority must be a whole number; got {got}</source>
        <translation>priority muss eine ganze Zahl sein; angegeben ist {got}</translation>
    </message>
    <message>
        <source>missing pattern: give a string or a list of strings</source>
        <translation>pattern fehlt: gib einen Text oder eine Liste von Texten an</translation>
    </message>
    <message>
        <source>pattern {pattern} must be a non-empty string</source>
        <translation>das Muster {pattern} muss ein nicht leerer Text sein</translation>
    </message>
    <message>
        <source>bad regex in {what} {pattern}: {error}</source>
        <translation>ungültiger regulärer Ausdruck in {what} {pattern}: {error}</translation>
    </message>
    <message>
        <source>no target: set at least one of {targets}</source>
        <translation>kein Ziel: setze mindestens eines von {targets}</translation>
    </message>
    <message>
        <source>{keys} cannot be set by a {field} rule</source>
        <translation>{keys} kann eine {field}-Regel nicht setzen</translation>
    </message>
    <message>
        <source>{name} must be true or false; got {got}</source>
        <translation>{name} muss true oder false sein; angegeben ist {got}</translation>
    </message>
    <message>
        <source>{name} must be a non-empty string; got {got}</source>
        <translation>{name} muss ein nicht leerer Text sein; angegeben ist {got}</translation>
    </message>
    <message>
        <source>site must be a domain like &quot;example.com&quot;; got {got}</source>
        <translation>site muss eine Domain wie &quot;example.com&quot; sein; angegeben ist {got}</translation>
    </message>
    <message>
        <source>site_name needs a site</source>
        <translation>site_name braucht eine site</translation>
    </message>
    <message>
        <source>category {category} has no colour in [categories]; it is shown grey</source>
        <translation>die Kategorie {category} hat keine Farbe in [categories]; sie wird grau angezeigt</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Wellbeing settings</source>
        <translation>Wellbeing-Einstellungen</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Away after no input for</source>
        <translation>Abwesend nach Untätigkeit von</translation>
    </message>
    <message>
        <source>Without keyboard or mouse for this long, time stops counting (back to your last input).</source>
        <translation>So lange ohne Tastatur oder Maus, und die Zeit zählt nicht mehr (zurück bis zur letzten Eingabe).</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Look at the window every</source>
        <translation>Fenster prüfen alle</translation>
    </message>
    <message>
        <source>Only where the desktop does not announce switches; from the next start.</source>
        <translation>Nur wo die Arbeitsumgebung Wechsel nicht meldet; ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>A day starts at</source>
        <translation>Ein Tag beginnt um</translation>
    </message>
    <message>
        <source>Late nights count for the day before; from the next start.</source>
        <translation>Späte Nächte zählen zum Vortag; ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privatsphäre</translation>
    </message>
    <message>
        <source>Keep window titles</source>
        <translation>Fenstertitel speichern</translation>
    </message>
    <message>
        <source>Off: titles only recognise websites, then vanish (recommended).</source>
        <translation>Aus: Titel dienen nur zum Erkennen von Websites und verschwinden dann (empfohlen).</translation>
    </message>
    <message>
        <source>Never keep titles of</source>
        <translation>Nie die Titel speichern von</translation>
    </message>
    <message>
        <source>App names, separated by commas (e.g. keepassxc, signal).</source>
        <translation>App-Namen, durch Kommas getrennt (z. B. keepassxc, signal).</translation>
    </message>
    <message>
        <source>Record nothing for</source>
        <translation>Nichts aufzeichnen für</translation>
    </message>
    <message>
        <source>App names, separated by commas: not even their time is kept.</source>
        <translation>App-Namen, durch Kommas getrennt: Nicht einmal ihre Zeit wird gespeichert.</translation>
    </message>
    <message>
        <source>Notifications and limits</source>
        <translation>Benachrichtigungen und Limits</translation>
    </message>
    <message>
        <source>Weekly summary</source>
        <translation>Wochenrückblick</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>Last week&apos;s daily average and limits kept; from the next start.</source>
        <translation>Tagesdurchschnitt der letzten Woche und eingehaltene Limits; ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Am</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Um</translation>
    </message>
    <message>
        <source>Warn before a limit</source>
        <translation>Vor einem Limit warnen</translation>
    </message>
    <message>
        <source>The &quot;almost up&quot; notice comes this early (0: none); from the next start.</source>
        <translation>So früh kommt der Hinweis „gleich vorbei“ (0: keiner); ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Appearance and backups</source>
        <translation>Aussehen und Sicherungen</translation>
    </message>
    <message>
        <source>Like the desktop</source>
        <translation>Wie die Arbeitsumgebung</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Applies at once.</source>
        <translation>Gilt sofort.</translation>
    </message>
    <message>
        <source>Daily backups kept</source>
        <translation>Aufbewahrte tägliche Sicherungen</translation>
    </message>
    <message>
        <source>The newest ones; older ones are deleted; from the next start.</source>
        <translation>Die neuesten; ältere werden gelöscht; ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>Start Wellbeing when I log in</source>
        <translation>Wellbeing bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>See windows through</source>
        <translation>Fenster erkennen über</translation>
    </message>
    <message>
        <source>&quot;auto&quot; tries every way (wellbeing doctor lists them); from the next start.</source>
        <translation>„auto“ probiert jeden Weg (wellbeing doctor listet sie); ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>Verschieben…</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>Move the data folder</source>
        <translation>Datenordner verschieben</translation>
    </message>
    <message>
        <source>Your history, settings and backups. Moving them closes Wellbeing while they move, then starts it again from the new place.</source>
        <translation>Dein Verlauf, deine Einstellungen und Sicherungen. Beim Verschieben wird Wellbeing kurz beendet und danach vom neuen Ort aus wieder gestartet.</translation>
    </message>
    <message>
        <source>Your rules</source>
        <translation>Deine Regeln</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Edit settings file</source>
        <translation>Einstellungsdatei bearbeiten</translation>
    </message>
    <message>
        <source>Restart Wellbeing now</source>
        <translation>Wellbeing jetzt neu starten</translation>
    </message>
    <message>
        <source>Problem with {setting}</source>
        <translation>Problem mit {setting}</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Nicht gespeichert: {reason}</translation>
    </message>
    <message>
        <source>Saved and applied.</source>
        <translation>Gespeichert und angewendet.</translation>
    </message>
    <message>
        <source>Saved. Some changes apply from the next start: restart Wellbeing to use them now.</source>
        <translation>Gespeichert. Manche Änderungen gelten ab dem nächsten Start: Starte Wellbeing neu, um sie jetzt zu nutzen.</translation>
    </message>
    <message>
        <source>Wellbeing closes to do this, and starts again.</source>
        <translation>Wellbeing wird dafür beendet und danach wieder gestartet.</translation>
    </message>
    <message>
        <source>Move your data?</source>
        <translation>Deine Daten verschieben?</translation>
    </message>
    <message>
        <source>Nothing was moved.</source>
        <translation>Nichts wurde verschoben.</translation>
    </message>
    <message>
        <source>Wellbeing closes now, moves your data, and starts again.</source>
        <translation>Wellbeing wird jetzt beendet, verschiebt deine Daten und startet wieder.</translation>
    </message>
    <message>
        <source>Move your data to (a new or empty folder)</source>
        <translation>Deine Daten verschieben nach (ein neuer oder leerer Ordner)</translation>
    </message>
    <message>
        <source>the data folder&apos;s own file</source>
        <translation>die eigene Datei des Datenordners</translation>
    </message>
    <message>
        <source>In use now: {database}.</source>
        <translation>Jetzt in Gebrauch: {database}.</translation>
    </message>
    <message>
        <source>In use now: the data folder&apos;s own file.</source>
        <translation>Jetzt in Gebrauch: die eigene Datei des Datenordners.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Empty: the data folder&apos;s own file. A PostgreSQL URL (postgresql+psycopg://me@server/wellbeing) keeps one history for several computers; the password goes in ~/.pgpass. From the next start; --db or WELLBEING_DB_URL, when given, win.</source>
        <translation>Leer: die eigene Datei des Datenordners. Eine PostgreSQL-URL (postgresql+psycopg://ich@server/wellbeing) führt einen gemeinsamen Verlauf für mehrere Computer; das Passwort gehört in ~/.pgpass. Ab dem nächsten Start; --db oder WELLBEING_DB_URL haben Vorrang, wenn angegeben.</translation>
    </message>
    <message>
        <source>Your rules and categories</source>
        <translation>Deine Regeln und Kategorien</translation>
    </message>
    <message>
        <source>{count} rules of your own</source>
        <translation>{count} eigene Regeln</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>Rules and category colours are written in the settings file; &apos;wellbeing classify&apos; tries them.</source>
        <translation>Regeln und Kategoriefarben stehen in der Einstellungsdatei; „wellbeing classify“ probiert sie aus.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Edit settings file…</source>
        <translation>Einstellungsdatei bearbeiten…</translation>
    </message>
    <message>
        <source>Saved. Settings marked “from the next start” apply when Wellbeing starts again.</source>
        <translation>Gespeichert. Einstellungen mit „ab dem nächsten Start“ gelten, wenn Wellbeing wieder startet.</translation>
    </message>
    <message>
        <source>Forget stored titles?</source>
        <translation>Gespeicherte Titel vergessen?</translation>
    </message>
    <message>
        <source>Window titles are no longer kept. Also forget the titles kept so far? The time of each app and website stays.</source>
        <translation>Fenstertitel werden nicht mehr gespeichert. Auch die bisher gespeicherten Titel vergessen? Die Zeit jeder App und Website bleibt.</translation>
    </message>
    <message>
        <source>Saved. {count} stored titles were forgotten.</source>
        <translation>Gespeichert. {count} gespeicherte Titel wurden vergessen.</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>The database at {where} is not reached yet.</source>
        <translation>Die Datenbank unter {where} ist noch nicht erreicht.</translation>
    </message>
    <message>
        <source>The database at {where} cannot be reached yet ({error}).</source>
        <translation>Die Datenbank unter {where} ist noch nicht erreichbar ({error}).</translation>
    </message>
    <message>
        <source>The database has not been reached yet.</source>
        <translation>Die Datenbank wurde noch nicht erreicht.</translation>
    </message>
    <message>
        <source>Could not prepare the database {path}: {error}.</source>
        <translation>Die Datenbank {path} ließ sich nicht vorbereiten: {error}.</translation>
    </message>
    <message>
        <source>See the log in the data directory&apos;s logs folder.</source>
        <translation>Sieh im Protokoll im Ordner logs des Datenordners nach.</translation>
    </message>
    <message>
        <source>The database {path} is at schema {revision}, not {head} as prepared.</source>
        <translation>Die Datenbank {path} hat das Schema {revision}, nicht {head} wie vorbereitet.</translation>
    </message>
    <message>
        <source>Another program changed it while wellbeing started; start again.</source>
        <translation>Ein anderes Programm hat sie geändert, während Wellbeing startete; starte noch einmal.</translation>
    </message>
    <message>
        <source>The database is not open (it is being replaced).</source>
        <translation>Die Datenbank ist nicht geöffnet (sie wird gerade ersetzt).</translation>
    </message>
    <message>
        <source>Preparing the database failed: {reason}.</source>
        <translation>Die Datenbank ließ sich nicht vorbereiten: {reason}.</translation>
    </message>
    <message>
        <source>exit code {code}</source>
        <translation>Exit-Code {code}</translation>
    </message>
    <message>
        <source>This is a bug; the log in the data directory&apos;s logs folder has the details.</source>
        <translation>Das ist ein Fehler in Wellbeing; das Protokoll im Ordner logs des Datenordners hat die Einzelheiten.</translation>
    </message>
    <message>
        <source>Could not start a fresh database: {error}.</source>
        <translation>Eine neue Datenbank ließ sich nicht anlegen: {error}.</translation>
    </message>
    <message>
        <source>Cannot create the lock file {path}: {error}.</source>
        <translation>Die Sperrdatei {path} lässt sich nicht anlegen: {error}.</translation>
    </message>
    <message>
        <source>Choose a writable place with --data-dir DIR.</source>
        <translation>Wähle mit --data-dir ORDNER einen beschreibbaren Ort.</translation>
    </message>
    <message>
        <source>There is no database at {database} to back up yet.</source>
        <translation>Unter {database} gibt es noch keine Datenbank, die sich sichern ließe.</translation>
    </message>
    <message>
        <source>The database {database} is damaged ({problem}), so it was not backed up; the older backups were kept.</source>
        <translation>Die Datenbank {database} ist beschädigt ({problem}), daher wurde sie nicht gesichert; die älteren Sicherungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Your earlier backups are in {folder}.</source>
        <translation>Deine früheren Sicherungen liegen in {folder}.</translation>
    </message>
    <message>
        <source>Could not back up the database {database}: {error}; the older backups were kept.</source>
        <translation>Die Datenbank {database} ließ sich nicht sichern: {error}; die älteren Sicherungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>If this keeps happening, run `wellbeing doctor`.</source>
        <translation>Wenn das immer wieder passiert, führe `wellbeing doctor` aus.</translation>
    </message>
    <message>
        <source>Could not write the backup {backup}: {error}; the older backups were kept.</source>
        <translation>Die Sicherung {backup} ließ sich nicht schreiben: {error}; die älteren Sicherungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Check that {folder} is yours and has free space.</source>
        <translation>Prüfe, ob {folder} dir gehört und genug freien Platz hat.</translation>
    </message>
    <message>
        <source>Cannot use the database URL {url}: {error}.</source>
        <translation>Die Datenbank-URL {url} lässt sich nicht nutzen: {error}.</translation>
    </message>
    <message>
        <source>Give a SQLAlchemy URL such as postgresql+psycopg://user@host/dbname with --db (or $WELLBEING_DB_URL), or leave it out to use the local file.</source>
        <translation>Gib mit --db (oder $WELLBEING_DB_URL) eine SQLAlchemy-URL wie postgresql+psycopg://user@host/dbname an oder lass sie weg, um die lokale Datei zu nutzen.</translation>
    </message>
    <message>
        <source>Cannot reach the database {url}: {error}.</source>
        <translation>Die Datenbank {url} ist nicht erreichbar: {error}.</translation>
    </message>
    <message>
        <source>Check that the database server runs and can be reached.</source>
        <translation>Prüfe, ob der Datenbankserver läuft und erreichbar ist.</translation>
    </message>
    <message>
        <source>Cannot open the database {url}: {error}.</source>
        <translation>Die Datenbank {url} lässt sich nicht öffnen: {error}.</translation>
    </message>
    <message>
        <source>Check that the database server runs and the URL, user and password are right; for the local file, check the data directory&apos;s permissions and free disk space.</source>
        <translation>Prüfe, ob der Datenbankserver läuft und URL, Benutzer und Passwort stimmen; bei der lokalen Datei prüfe die Zugriffsrechte des Datenordners und den freien Speicherplatz.</translation>
    </message>
    <message>
        <source>The database {url} has a schema this version of wellbeing does not know ({revision}).</source>
        <translation>Die Datenbank {url} hat ein Schema, das diese Version von wellbeing nicht kennt ({revision}).</translation>
    </message>
    <message>
        <source>It was probably written by a newer wellbeing: upgrade wellbeing, or use another data directory with --data-dir.</source>
        <translation>Sie wurde wohl von einem neueren wellbeing geschrieben: Aktualisiere wellbeing oder nutze mit --data-dir einen anderen Datenordner.</translation>
    </message>
    <message>
        <source>Cannot understand the database URL {url}.</source>
        <translation>Die Datenbank-URL {url} ist nicht verständlich.</translation>
    </message>
    <message>
        <source>Give a SQLAlchemy URL such as postgresql+psycopg://user@host/dbname or sqlite:////path/to/file.sqlite3.</source>
        <translation>Gib eine SQLAlchemy-URL wie postgresql+psycopg://user@host/dbname oder sqlite:////pfad/zur/datei.sqlite3 an.</translation>
    </message>
    <message>
        <source>Could not read limits from the database: {error}.</source>
        <translation>Die Limits ließen sich nicht aus der Datenbank lesen: {error}.</translation>
    </message>
    <message>
        <source>Check that the database is reachable (&apos;wellbeing doctor&apos;).</source>
        <translation>Prüfe, ob die Datenbank erreichbar ist (&apos;wellbeing doctor&apos;).</translation>
    </message>
    <message>
        <source>Could not save usage to the database: {reason}.</source>
        <translation>Die Nutzung ließ sich nicht in der Datenbank speichern: {reason}.</translation>
    </message>
    <message>
        <source>Check free disk space and that no other program holds the database; wellbeing keeps trying.</source>
        <translation>Prüfe den freien Speicherplatz und ob ein anderes Programm die Datenbank festhält; Wellbeing versucht es weiter.</translation>
    </message>
    <message>
        <source>The start date {start} is after the end date {end}.</source>
        <translation>Das Anfangsdatum {start} liegt nach dem Enddatum {end}.</translation>
    </message>
    <message>
        <source>Give --from before (or equal to) --to.</source>
        <translation>Gib bei --from ein Datum vor (oder gleich) --to an.</translation>
    </message>
    <message>
        <source>there is no backup {backup}</source>
        <translation>es gibt keine Sicherung {backup}</translation>
    </message>
    <message>
        <source>the backup {backup} is damaged ({problem}); nothing was changed</source>
        <translation>die Sicherung {backup} ist beschädigt ({problem}); nichts wurde geändert</translation>
    </message>
    <message>
        <source>Choose another backup (&apos;wellbeing backup list&apos;).</source>
        <translation>Wähle eine andere Sicherung (&apos;wellbeing backup list&apos;).</translation>
    </message>
    <message>
        <source>could not restore {backup}: {error}</source>
        <translation>{backup} ließ sich nicht zurückholen: {error}</translation>
    </message>
    <message>
        <source>Nothing was lost: your database is as it was.</source>
        <translation>Nichts ging verloren: Deine Datenbank ist, wie sie war.</translation>
    </message>
    <message>
        <source>could not set {database} aside: {error}</source>
        <translation>{database} ließ sich nicht beiseitelegen: {error}</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Cannot create or open the database file {path}: {error}.</source>
        <translation>Die Datenbankdatei {path} lässt sich nicht anlegen oder öffnen: {error}.</translation>
    </message>
    <message>
        <source>Choose a writable place with --data-dir DIR (or $WELLBEING_DATA_DIR), or fix the file&apos;s permissions.</source>
        <translation>Wähle mit --data-dir ORDNER (oder $WELLBEING_DATA_DIR) einen beschreibbaren Ort oder korrigiere die Zugriffsrechte der Datei.</translation>
    </message>
    <message>
        <source>The database {path} looks damaged ({problem}), but wellbeing is recording into it right now, so it was left where it is.</source>
        <translation>Die Datenbank {path} sieht beschädigt aus ({problem}), aber Wellbeing zeichnet gerade in sie auf, daher bleibt sie, wo sie ist.</translation>
    </message>
    <message>
        <source>Try again in a minute. If this stays, quit wellbeing (or stop &apos;wellbeing track&apos;) and start it again: it checks the file and, only if it is really damaged, moves it aside and keeps it.</source>
        <translation>Versuche es in einer Minute noch einmal. Bleibt es so, beende Wellbeing (oder halte &apos;wellbeing track&apos; an) und starte es neu: Es prüft die Datei und legt sie nur dann beiseite (und bewahrt sie auf), wenn sie wirklich beschädigt ist.</translation>
    </message>
    <message>
        <source>The database {path} is damaged and could not be moved aside: {error}.</source>
        <translation>Die Datenbank {path} ist beschädigt und ließ sich nicht beiseitelegen: {error}.</translation>
    </message>
    <message>
        <source>Move {path} away by hand (keep it: it holds your records), then start again.</source>
        <translation>Verschiebe {path} von Hand (behalte die Datei: Sie enthält deine Aufzeichnungen) und starte dann neu.</translation>
    </message>
    <message>
        <source>Cannot read the database file {path}: {error}.</source>
        <translation>Die Datenbankdatei {path} lässt sich nicht lesen: {error}.</translation>
    </message>
    <message>
        <source>Check the file&apos;s owner and permissions (it should be yours, mode 0600), or choose another data directory with --data-dir.</source>
        <translation>Prüfe Eigentümer und Zugriffsrechte der Datei (sie sollte dir gehören, Modus 0600) oder wähle mit --data-dir einen anderen Datenordner.</translation>
    </message>
    <message>
        <source>Check that the database file is readable (&apos;wellbeing doctor&apos;).</source>
        <translation>Prüfe, ob die Datenbankdatei lesbar ist (&apos;wellbeing doctor&apos;).</translation>
    </message>
    <message>
        <source>Cannot read the database {path}: {error}.</source>
        <translation>Die Datenbank {path} lässt sich nicht lesen: {error}.</translation>
    </message>
    <message>
        <source>Try again in a moment; if it persists, run &apos;wellbeing doctor&apos;.</source>
        <translation>Versuche es gleich noch einmal; bleibt es so, führe &apos;wellbeing doctor&apos; aus.</translation>
    </message>
    <message>
        <source>Cannot group usage by {by}.</source>
        <translation>Die Nutzung lässt sich nicht nach {by} gruppieren.</translation>
    </message>
    <message>
        <source>Use app, site or category.</source>
        <translation>Nimm app, site oder category.</translation>
    </message>
    <message>
        <source>Cannot use the data directory {path}: {error}.</source>
        <translation>Der Datenordner {path} lässt sich nicht nutzen: {error}.</translation>
    </message>
    <message>
        <source>Choose a writable place with --data-dir DIR (or $WELLBEING_DATA_DIR), or fix the directory&apos;s permissions.</source>
        <translation>Wähle mit --data-dir ORDNER (oder $WELLBEING_DATA_DIR) einen beschreibbaren Ort oder korrigiere die Zugriffsrechte des Ordners.</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <source>Your week</source>
        <translation>Deine Woche</translation>
    </message>
    <message>
        <source>No screen time was recorded last week.</source>
        <translation>Letzte Woche wurde keine Bildschirmzeit aufgezeichnet.</translation>
    </message>
    <message>
        <source>Last week: {average} a day.</source>
        <translation>Letzte Woche: {average} pro Tag.</translation>
    </message>
    <message>
        <source>Last week: {average} a day, same as the week before.</source>
        <translation>Letzte Woche: {average} pro Tag, so viel wie in der Woche davor.</translation>
    </message>
    <message>
        <source>Last week: {average} a day, ▲ {pct}% from the week before.</source>
        <translation>Letzte Woche: {average} pro Tag, ▲ {pct} % gegenüber der Woche davor.</translation>
    </message>
    <message>
        <source>Last week: {average} a day, ▼ {pct}% from the week before.</source>
        <translation>Letzte Woche: {average} pro Tag, ▼ {pct} % gegenüber der Woche davor.</translation>
    </message>
    <message>
        <source>Your week: {average} a day</source>
        <translation>Deine Woche: {average} pro Tag</translation>
    </message>
    <message>
        <source>Within your limits every day.</source>
        <translation>Jeden Tag innerhalb deiner Limits.</translation>
    </message>
    <message>
        <source>{target}: {kept} of {limited}</source>
        <translation>{target}: {kept} von {limited}</translation>
    </message>
    <message>
        <source>Within your limits on {within} of 1 day ({each}).</source>
        <translation>An {within} von 1 Tag innerhalb deiner Limits ({each}).</translation>
    </message>
    <message>
        <source>Within your limits on {within} of 1 day.</source>
        <translation>An {within} von 1 Tag innerhalb deiner Limits.</translation>
    </message>
    <message>
        <source>Within your limits on {within} of {limited} days ({each}).</source>
        <translation>An {within} von {limited} Tagen innerhalb deiner Limits ({each}).</translation>
    </message>
    <message>
        <source>Within your limits on {within} of {limited} days.</source>
        <translation>An {within} von {limited} Tagen innerhalb deiner Limits.</translation>
    </message>
</context>
<context>
    <name>TimesUp</name>
    <message>
        <source>Your limit is {limit}.</source>
        <translation>Dein Limit ist {limit}.</translation>
    </message>
    <message>
        <source>It&apos;s downtime</source>
        <translation>Auszeit</translation>
    </message>
    <message>
        <source>{app} is not on your always-allowed list during downtime.</source>
        <translation>{app} steht nicht auf deiner Liste der immer erlaubten Apps während der Auszeit.</translation>
    </message>
    <message>
        <source>Time&apos;s up</source>
        <translation>Zeit ist um</translation>
    </message>
    <message>
        <source>You&apos;ve used your computer for {used} today.</source>
        <translation>Du hast deinen Computer heute {used} genutzt.</translation>
    </message>
    <message>
        <source>You&apos;ve spent {used} on {name} today.</source>
        <translation>Du hast heute {used} mit {name} verbracht.</translation>
    </message>
    <message>
        <source>You&apos;ve used {name} for {used} today.</source>
        <translation>Du hast {name} heute {used} genutzt.</translation>
    </message>
    <message>
        <source>You locked this limit until {day}.</source>
        <translation>Du hast dieses Limit bis {day} gesperrt.</translation>
    </message>
    <message>
        <source>{app} is minimised while you are over the limit.</source>
        <translation>{app} wird minimiert, solange du über dem Limit bist.</translation>
    </message>
    <message>
        <source>Close {app}</source>
        <translation>{app} schließen</translation>
    </message>
    <message>
        <source>{minutes} more minutes ({left} left)</source>
        <translation>{minutes} Minuten mehr (noch {left})</translation>
    </message>
    <message>
        <source>No snoozes left today</source>
        <translation>Heute keine Verlängerung mehr</translation>
    </message>
</context>
<context>
    <name>TimesUpWindow</name>
    <message>
        <source>Time&apos;s up — Wellbeing</source>
        <translation>Zeit ist um — Wellbeing</translation>
    </message>
    <message>
        <source>Ignore limit for today</source>
        <translation>Limit heute ignorieren</translation>
    </message>
</context>
<context>
    <name>Tracker</name>
    <message>
        <source>Database was damaged</source>
        <translation>Datenbank war beschädigt</translation>
    </message>
    <message>
        <source>The database {path} was damaged while wellbeing was recording ({problem}); another wellbeing process already moved it aside and started a new one. Tracking goes on in that one.</source>
        <translation>Die Datenbank {path} wurde beschädigt, während Wellbeing aufzeichnete ({problem}); ein anderer Wellbeing-Prozess hat sie schon beiseitegelegt und eine neue begonnen. Die Aufzeichnung geht in dieser weiter.</translation>
    </message>
    <message>
        <source>The database {path} was damaged while wellbeing was recording ({problem}). It was moved aside to {aside} - nothing was deleted - and a new, empty database was started; tracking goes on. Your earlier records are still in that file; a tool such as `sqlite3 {aside} .recover` may save some of them.</source>
        <translation>Die Datenbank {path} wurde beschädigt, während Wellbeing aufzeichnete ({problem}). Sie wurde nach {aside} beiseitegelegt – nichts wurde gelöscht – und eine neue, leere Datenbank wurde begonnen; die Aufzeichnung geht weiter. Deine früheren Aufzeichnungen sind noch in dieser Datei; ein Werkzeug wie `sqlite3 {aside} .recover` kann einen Teil davon retten.</translation>
    </message>
    <message>
        <source>Tracking stopped</source>
        <translation>Aufzeichnung angehalten</translation>
    </message>
    <message>
        <source>Tracking restarted after an error</source>
        <translation>Aufzeichnung nach einem Fehler neu gestartet</translation>
    </message>
    <message>
        <source>Recording stopped because of an unexpected error ({problem}) and was started again by itself; what was recorded before is kept. If it stops again, quit wellbeing and start it again; the log file has the details.</source>
        <translation>Die Aufzeichnung hat wegen eines unerwarteten Fehlers angehalten ({problem}) und wurde von selbst neu gestartet; was vorher aufgezeichnet wurde, bleibt erhalten. Wenn sie wieder anhält, beende Wellbeing und starte es neu; die Protokolldatei enthält die Einzelheiten.</translation>
    </message>
    <message>
        <source>Recording stopped because of an unexpected error ({problem}), and it had already been restarted once. Time is not counted now. Quit wellbeing and start it again; if it keeps stopping, please report it with the log file.</source>
        <translation>Die Aufzeichnung hat wegen eines unerwarteten Fehlers angehalten ({problem}) und war schon einmal neu gestartet worden. Zeit wird jetzt nicht gezählt. Beende Wellbeing und starte es neu; wenn sie immer wieder anhält, melde das bitte mit der Protokolldatei.</translation>
    </message>
    <message>
        <source>Tracking stopped because of an error in wellbeing while saving ({error}).</source>
        <translation>Die Aufzeichnung wurde wegen eines Fehlers in Wellbeing beim Speichern angehalten ({error}).</translation>
    </message>
    <message>
        <source>What was recorded before is kept. Please report this bug with the log file; start wellbeing again to go on tracking.</source>
        <translation>Was vorher aufgezeichnet wurde, bleibt erhalten. Bitte melde diesen Fehler mit der Protokolldatei; starte Wellbeing neu, um weiter aufzuzeichnen.</translation>
    </message>
    <message>
        <source>The database {path} was damaged ({problem}) and could not be used. It was moved aside to {aside} - nothing was deleted - and a new, empty database was started. Your earlier records are still in that file; a tool such as `sqlite3 {aside} .recover` may save some of them.</source>
        <translation>Die Datenbank {path} war beschädigt ({problem}) und konnte nicht genutzt werden. Sie wurde nach {aside} beiseitegelegt – nichts wurde gelöscht – und eine neue, leere Datenbank wurde begonnen. Deine früheren Aufzeichnungen sind noch in dieser Datei; ein Werkzeug wie `sqlite3 {aside} .recover` kann einen Teil davon retten.</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Open dashboard</source>
        <translation>Übersicht öffnen</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Pause tracking</source>
        <translation>Aufzeichnung pausieren</translation>
    </message>
    <message>
        <source>For 15 minutes</source>
        <translation>Für 15 Minuten</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Für 1 Stunde</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>Bis morgen</translation>
    </message>
    <message>
        <source>Resume tracking</source>
        <translation>Aufzeichnung fortsetzen</translation>
    </message>
    <message>
        <source>Experiment check-in…</source>
        <translation>Experiment-Check-in…</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Could not change {where}: {why}</source>
        <translation>{where} konnte nicht geändert werden: {why}</translation>
    </message>
    <message>
        <source>Today: {time}</source>
        <translation>Heute: {time}</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>paused until {time}</source>
        <translation>pausiert bis {time}</translation>
    </message>
    <message>
        <source>Tracking paused</source>
        <translation>Aufzeichnung pausiert</translation>
    </message>
    <message>
        <source>Resume tracking ({state})</source>
        <translation>Aufzeichnung fortsetzen ({state})</translation>
    </message>
</context>
<context>
    <name>UsageChart</name>
    <message>
        <source>Usage chart</source>
        <translation>Nutzungsdiagramm</translation>
    </message>
    <message>
        <source>avg {time}</source>
        <translation>Ø {time}</translation>
    </message>
    <message>
        <source>limit {time}</source>
        <translation>Limit {time}</translation>
    </message>
    <message>
        <source>No use recorded</source>
        <translation>Keine Nutzung aufgezeichnet</translation>
    </message>
</context>
<context>
    <name>UsageReport</name>
    <message>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <source>Screen time {day} (by app)</source>
        <translation>Bildschirmzeit am {day} (nach App)</translation>
    </message>
    <message>
        <source>Screen time {day} (by site)</source>
        <translation>Bildschirmzeit am {day} (nach Website)</translation>
    </message>
    <message>
        <source>Screen time {day} (by category)</source>
        <translation>Bildschirmzeit am {day} (nach Kategorie)</translation>
    </message>
    <message>
        <source>Screen time {start} to {end} (by app)</source>
        <translation>Bildschirmzeit vom {start} bis {end} (nach App)</translation>
    </message>
    <message>
        <source>Screen time {start} to {end} (by site)</source>
        <translation>Bildschirmzeit vom {start} bis {end} (nach Website)</translation>
    </message>
    <message>
        <source>Screen time {start} to {end} (by category)</source>
        <translation>Bildschirmzeit vom {start} bis {end} (nach Kategorie)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Daily average</source>
        <translation>Tagesdurchschnitt</translation>
    </message>
    <message>
        <source>Nothing recorded in this period.</source>
        <translation>In diesem Zeitraum wurde nichts aufgezeichnet.</translation>
    </message>
    <message>
        <source>… and {count} more (use --json for all)</source>
        <translation>… und {count} weitere (alle mit --json)</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Wellbeing</source>
        <translation>Willkommen bei Wellbeing</translation>
    </message>
    <message>
        <source>Wellbeing is now counting your screen time</source>
        <translation>Wellbeing zählt jetzt deine Bildschirmzeit</translation>
    </message>
    <message>
        <source>&lt;b&gt;What is recorded:&lt;/b&gt; which app is in front and for how long, and which website a browser shows (recognised from the window&apos;s title). Time away from the keyboard, with the screen locked or the computer asleep does not count.</source>
        <translation>&lt;b&gt;Was aufgezeichnet wird:&lt;/b&gt; welche App im Vordergrund ist und wie lange, und welche Website ein Browser zeigt (am Fenstertitel erkannt). Zeit ohne Tastatur, mit gesperrtem Bildschirm oder im Ruhezustand zählt nicht.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Where it stays:&lt;/b&gt; {where}. Nothing is sent anywhere.</source>
        <translation>&lt;b&gt;Wo es bleibt:&lt;/b&gt; {where}. Nichts wird irgendwohin gesendet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Window titles are not kept.&lt;/b&gt; They are read to recognise websites and then dropped; you can choose to keep them in Settings.</source>
        <translation>&lt;b&gt;Fenstertitel werden nicht gespeichert.&lt;/b&gt; Sie werden gelesen, um Websites zu erkennen, und dann verworfen; in den Einstellungen kannst du sie behalten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;To pause:&lt;/b&gt; the Wellbeing icon in the panel, then &lt;i&gt;Pause tracking&lt;/i&gt;.</source>
        <translation>&lt;b&gt;Pausieren:&lt;/b&gt; das Wellbeing-Symbol im Panel, dann &lt;i&gt;Aufzeichnung pausieren&lt;/i&gt;.</translation>
    </message>
    <message>
        <source>Start Wellbeing when I log in</source>
        <translation>Wellbeing bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Get started</source>
        <translation>Los geht’s</translation>
    </message>
</context>
</TS>
