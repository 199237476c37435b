<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Checkin</name>
    <message>
        <location filename="../../wellbeing/ui/checkin.py" line="43"/>
        <source>This is not a diagnosis or medical advice. &lt;a href=&quot;{url}&quot;&gt;Need help now?&lt;/a&gt; Free, confidential helplines in your country.</source>
        <translation>Dies ist keine Diagnose und keine medizinische Beratung. &lt;a href=&quot;{url}&quot;&gt;Brauchst du jetzt Hilfe?&lt;/a&gt; Kostenlose, vertrauliche Hilfetelefone in deinem Land.</translation>
    </message>
</context>
<context>
    <name>CheckinDialog</name>
    <message>
        <location filename="../../wellbeing/ui/checkin.py" line="122"/>
        <source>Evening check-in — Wellbeing</source>
        <translation>Abend-Check-in — Wellbeing</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/checkin.py" line="129"/>
        <source>How was {day}?</source>
        <translation>Wie war {day}?</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/checkin.py" line="132"/>
        <source>Four quick questions, under a minute. There are no right answers.</source>
        <translation>Vier kurze Fragen, keine Minute. Es gibt keine richtigen Antworten.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/checkin.py" line="142"/>
        <source>A note for yourself (optional)</source>
        <translation>Eine Notiz für dich (freiwillig)</translation>
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
    <name>Experiment</name>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="47"/>
        <source>Find out, on yourself, whether using social media less makes you feel better. A baseline week, then weeks with a 10-minute daily limit on each platform you choose, with an evening check-in and a few short weekly questionnaires. It follows Hunt et al. (2018); later studies are mixed, and the report says honestly what your weeks can show.</source>
        <translation>Finde an dir selbst heraus, ob du dich besser fühlst, wenn du soziale Medien weniger nutzt. Erst eine Ausgangswoche, dann Wochen mit einem Tageslimit von 10 Minuten für jede Plattform, die du wählst, mit einem Check-in am Abend und ein paar kurzen wöchentlichen Fragebögen. Es folgt Hunt et al. (2018); spätere Studien sind uneinheitlich, und der Bericht sagt ehrlich, was deine Wochen zeigen können.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="57"/>
        <source>Baseline week: use your computer as usual.</source>
        <translation>Ausgangswoche: Nutze deinen Computer wie gewohnt.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="58"/>
        <source>Limited week: your chosen platforms have their daily limits.</source>
        <translation>Begrenzte Woche: Deine gewählten Plattformen haben ihre Tageslimits.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="60"/>
        <source>Usual week: no limits this week.</source>
        <translation>Normale Woche: Diese Woche gibt es keine Limits.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="61"/>
        <source>Follow-up week: the limits are off.</source>
        <translation>Nachbeobachtungswoche: Die Limits sind aus.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="152"/>
        <source>You ended this experiment early. Everything you answered is kept.</source>
        <translation>Du hast dieses Experiment vorzeitig beendet. Alles, was du beantwortet hast, bleibt erhalten.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="155"/>
        <source>Your experiment is complete. Here is what changed.</source>
        <translation>Dein Experiment ist abgeschlossen. Hier siehst du, was sich verändert hat.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="157"/>
        <source>Day {day} of {days}.</source>
        <translation>Tag {day} von {days}.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="161"/>
        <source>Days within your limits: {within} of {days}.</source>
        <translation>Tage innerhalb deiner Limits: {within} von {days}.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="166"/>
        <source>Check-ins: {done} done, {missing} missed.</source>
        <translation>Check-ins: {done} erledigt, {missing} verpasst.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="169"/>
        <source>Check-ins: {done} done.</source>
        <translation>Check-ins: {done} erledigt.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="172"/>
        <source>This week&apos;s questionnaires are ready: {names}.</source>
        <translation>Die Fragebögen dieser Woche sind bereit: {names}.</translation>
    </message>
</context>
<context>
    <name>ExperimentPage</name>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="82"/>
        <location filename="../../wellbeing/ui/experiment_page.py" line="85"/>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="89"/>
        <source>Set up an experiment…</source>
        <translation>Experiment einrichten…</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="92"/>
        <source>Evening check-in…</source>
        <translation>Abend-Check-in…</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="95"/>
        <source>Weekly questionnaire…</source>
        <translation>Wochenfragebogen…</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="98"/>
        <source>Phone screen time…</source>
        <translation>Bildschirmzeit am Handy…</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="101"/>
        <source>End the experiment…</source>
        <translation>Experiment beenden…</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="104"/>
        <source>Export data…</source>
        <translation>Daten exportieren…</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="202"/>
        <source>{target} is not an app or a site.</source>
        <translation>{target} ist weder eine App noch eine Website.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="211"/>
        <source>Replaced today&apos;s earlier check-in.</source>
        <translation>Der frühere Check-in von heute wurde ersetzt.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="212"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="215"/>
        <source>today</source>
        <comment>How was {day}?</comment>
        <translation>dein Tag heute</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="267"/>
        <source>End the experiment?</source>
        <translation>Experiment beenden?</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="268"/>
        <source>End the experiment now? Everything you answered is kept, and its limits are lifted.</source>
        <translation>Das Experiment jetzt beenden? Alles, was du beantwortet hast, bleibt erhalten, und seine Limits werden aufgehoben.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_page.py" line="279"/>
        <source>Export the experiment to</source>
        <translation>Experiment exportieren nach</translation>
    </message>
</context>
<context>
    <name>ExperimentWizard</name>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="39"/>
        <source>In 2018, Hunt and colleagues asked 143 students to keep Facebook, Instagram and Snapchat to 10 minutes each a day for three weeks. Compared with students who used them as usual, they felt less lonely and less depressed. Later studies are mixed: most found a small effect, some none.

This experiment lets you find out for yourself. First a baseline week: use your computer as usual while wellbeing records it. Then limited weeks: each platform you choose gets a daily limit. Each evening a four-question check-in (under a minute), and at the end of each week four short questionnaires. At the end you get an honest report of what changed.

wellbeing sees only this computer, not your phone. Once a week you can type in what your phone&apos;s Screen Time or Digital Wellbeing shows.</source>
        <translation>2018 baten Hunt und Kollegen 143 Studierende, Facebook, Instagram und Snapchat drei Wochen lang auf je 10 Minuten am Tag zu beschränken. Verglichen mit Studierenden, die sie wie gewohnt nutzten, fühlten sie sich weniger einsam und weniger depressiv. Spätere Studien sind uneinheitlich: Die meisten fanden eine kleine Wirkung, manche keine.

Mit diesem Experiment findest du es für dich selbst heraus. Zuerst eine Ausgangswoche: Nutze deinen Computer wie gewohnt, während wellbeing aufzeichnet. Dann begrenzte Wochen: Jede Plattform, die du wählst, bekommt ein Tageslimit. Jeden Abend ein Check-in mit vier Fragen (keine Minute) und am Ende jeder Woche vier kurze Fragebögen. Zum Schluss bekommst du einen ehrlichen Bericht darüber, was sich verändert hat.

wellbeing sieht nur diesen Computer, nicht dein Handy. Einmal pro Woche kannst du eintragen, was Bildschirmzeit oder Digital Wellbeing auf deinem Handy anzeigt.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="55"/>
        <source>Evening mood (the daily check-in)</source>
        <translation>Stimmung am Abend (täglicher Check-in)</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="56"/>
        <source>Loneliness (the daily check-in)</source>
        <translation>Einsamkeit (täglicher Check-in)</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="57"/>
        <source>Anxiety (the daily check-in)</source>
        <translation>Angst (täglicher Check-in)</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="59"/>
        <source>Feeling of missing out (the daily check-in)</source>
        <translation>Gefühl, etwas zu verpassen (täglicher Check-in)</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="60"/>
        <source>Well-being (WHO-5, weekly)</source>
        <translation>Wohlbefinden (WHO-5, wöchentlich)</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="61"/>
        <source>Loneliness (UCLA, weekly)</source>
        <translation>Einsamkeit (UCLA, wöchentlich)</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="62"/>
        <source>Low mood (PHQ-8, weekly)</source>
        <translation>Niedergeschlagenheit (PHQ-8, wöchentlich)</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="63"/>
        <source>Anxiety (GAD-7, weekly)</source>
        <translation>Angst (GAD-7, wöchentlich)</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="79"/>
        <source>Set up an experiment — Wellbeing</source>
        <translation>Experiment einrichten — Wellbeing</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="85"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="90"/>
        <source>Does using social media less make you feel better?</source>
        <translation>Fühlst du dich besser, wenn du soziale Medien weniger nutzt?</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="100"/>
        <source>Your plan</source>
        <translation>Dein Plan</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="102"/>
        <source>Classic: 1 baseline week, then 3 limited weeks</source>
        <translation>Klassisch: 1 Ausgangswoche, dann 3 begrenzte Wochen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="106"/>
        <source>Stronger evidence: after the baseline, limited and usual weeks in a random order (4 weeks or more; the order stays hidden until the end)</source>
        <translation>Aussagekräftiger: nach der Ausgangswoche begrenzte und normale Wochen in zufälliger Reihenfolge (4 Wochen oder mehr; die Reihenfolge bleibt bis zum Ende verborgen)</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="113"/>
        <source>Add a follow-up week with the limits off (classic)</source>
        <translation>Eine Nachbeobachtungswoche ohne Limits anhängen (klassisch)</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="116"/>
        <source>Design</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="120"/>
        <source>Platforms to limit</source>
        <translation>Zu begrenzende Plattformen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="123"/>
        <source>Seen in the last 4 weeks: {platforms}</source>
        <translation>In den letzten 4 Wochen genutzt: {platforms}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="124"/>
        <source>{name} ({minutes} min a day)</source>
        <translation>{name} ({minutes} Min. am Tag)</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="131"/>
        <source> min a day each</source>
        <translation> Min. am Tag je Plattform</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="132"/>
        <source>Daily limit</source>
        <translation>Tageslimit</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="137"/>
        <source>Main question</source>
        <translation>Hauptfrage</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="139"/>
        <source>Chosen now, before the baseline, so the report leads with it whatever the results: no picking the best-looking number afterwards.</source>
        <translation>Jetzt gewählt, vor der Ausgangswoche, damit der Bericht mit ihr beginnt, wie auch immer die Ergebnisse ausfallen: Hinterher wird nicht die schönste Zahl herausgepickt.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="146"/>
        <source>Evening check-in at</source>
        <translation>Abend-Check-in um</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="150"/>
        <source> short prompts a day (mood right now)</source>
        <translation> kurze Abfragen am Tag (Stimmung gerade)</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="151"/>
        <source>During the day</source>
        <translation>Tagsüber</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="156"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="159"/>
        <source>The limits are locked while a limited week runs, so you cannot loosen them on a bad evening; you can end the experiment at any time and keep everything you answered.</source>
        <translation>Die Limits sind festgelegt, solange eine begrenzte Woche läuft, damit du sie an einem schlechten Abend nicht lockern kannst; du kannst das Experiment jederzeit beenden und behältst alles, was du beantwortet hast.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_wizard.py" line="163"/>
        <source>One person&apos;s result can have many causes: a stressful week, the weather, good news. The report says what fits your data, not why.</source>
        <translation>Das Ergebnis eines einzelnen Menschen kann viele Ursachen haben: eine stressige Woche, das Wetter, gute Nachrichten. Der Bericht sagt, was zu deinen Daten passt, nicht warum.</translation>
    </message>
</context>
<context>
    <name>LimitEditor</name>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="48"/>
        <source>Set a limit on at least one day.</source>
        <translation>Setze an mindestens einem Tag ein Limit.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="117"/>
        <source>Daily limit — {name}</source>
        <translation>Tageslimit — {name}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="119"/>
        <location filename="../../wellbeing/ui/limit_editor.py" line="132"/>
        <source>Daily limit for {name}</source>
        <translation>Tageslimit für {name}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="139"/>
        <source>Use</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="140"/>
        <source>Use the suggestion</source>
        <translation>Vorschlag übernehmen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="158"/>
        <location filename="../../wellbeing/ui/limit_editor.py" line="163"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="161"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="164"/>
        <source>Save the limit</source>
        <translation>Limit speichern</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="176"/>
        <source>Time per day</source>
        <translation>Zeit pro Tag</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="178"/>
        <source>The same every day</source>
        <translation>Jeden Tag gleich</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="179"/>
        <source>Different on some days</source>
        <translation>An manchen Tagen anders</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="185"/>
        <source>Time every day</source>
        <translation>Zeit an jedem Tag</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="186"/>
        <source>e.g. 45m or 1h30m</source>
        <translation>z. B. 45m oder 1h30m</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="196"/>
        <source>Time on {day}</source>
        <translation>Zeit am {day}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="197"/>
        <source>no limit</source>
        <translation>kein Limit</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="218"/>
        <source>When time is up</source>
        <translation>Wenn die Zeit um ist</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="238"/>
        <source>Commitment</source>
        <translation>Selbstverpflichtung</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="240"/>
        <source>Lock until</source>
        <translation>Festlegen bis</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="241"/>
        <source>Lock until a date</source>
        <translation>Bis zu einem Datum festlegen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="246"/>
        <location filename="../../wellbeing/ui/limit_editor.py" line="248"/>
        <source>Locked until</source>
        <translation>Festgelegt bis</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="253"/>
        <source>Until then it can be tightened, not loosened or removed.</source>
        <translation>Bis dahin lässt es sich verschärfen, aber nicht lockern oder entfernen.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="255"/>
        <location filename="../../wellbeing/ui/limit_editor.py" line="256"/>
        <source>Cooling-off</source>
        <translation>Bedenkzeit</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="258"/>
        <source>A looser limit applies 24 hours after you ask for it.</source>
        <translation>Ein lockereres Limit gilt erst 24 Stunden, nachdem du es eingestellt hast.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="297"/>
        <source>Locked until {day}: you can tighten this limit, not loosen it.</source>
        <translation>Festgelegt bis {day}: Du kannst dieses Limit verschärfen, aber nicht lockern.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="366"/>
        <source>{day}: {problem}</source>
        <translation>{day}: {problem}</translation>
    </message>
</context>
<context>
    <name>LimitRowWidget</name>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="120"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="121"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="148"/>
        <source>Edit the limit on {name}</source>
        <translation>Limit für {name} bearbeiten</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="150"/>
        <source>Remove the limit on {name}</source>
        <translation>Limit für {name} entfernen</translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <location filename="../../wellbeing/ui/limit_editor.py" line="245"/>
        <location filename="../../wellbeing/ui/limits_model.py" line="251"/>
        <source>d MMM yyyy</source>
        <comment>date format</comment>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="66"/>
        <source>Suggested {value}</source>
        <translation>Vorschlag: {value}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="69"/>
        <source>Suggested {value} — a quarter below your median of {median}</source>
        <translation>Vorschlag: {value} — ein Viertel unter deinem Median von {median}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="72"/>
        <source>Suggested {value} — half your median of {median}</source>
        <translation>Vorschlag: {value} — die Hälfte deines Medians von {median}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="75"/>
        <source>Suggested {value} — {percent}% below your median of {median}</source>
        <translation>Vorschlag: {value} — {percent} % unter deinem Median von {median}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="78"/>
        <source>Suggested {value} — {percent}% above your median of {median}</source>
        <translation>Vorschlag: {value} — {percent} % über deinem Median von {median}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="81"/>
        <source>Suggested {value} — the same as your median of {median}</source>
        <translation>Vorschlag: {value} — genau dein Median von {median}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="104"/>
        <source>Notify</source>
        <translation>Benachrichtigen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="105"/>
        <source>Nag</source>
        <translation>Erinnern</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="106"/>
        <source>Block</source>
        <translation>Blockieren</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="110"/>
        <source>A notification 5 minutes before and when time is up.</source>
        <translation>Eine Benachrichtigung 5 Minuten vorher und wenn die Zeit um ist.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="111"/>
        <source>A calm “Time&apos;s up” screen you can snooze, or ignore for the day.</source>
        <translation>Ein ruhiger „Zeit ist um“-Bildschirm, den du aufschieben oder für heute ignorieren kannst.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="113"/>
        <source>The screen without “ignore”; the app is minimised while over.</source>
        <translation>Der Bildschirm ohne „Ignorieren“; die App wird minimiert, solange die Zeit überschritten ist.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="117"/>
        <source>Total screen time</source>
        <translation>Gesamte Bildschirmzeit</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="224"/>
        <source>every day</source>
        <translation>täglich</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="236"/>
        <source>{time} {days}</source>
        <translation>{time} {days}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="238"/>
        <source>No days</source>
        <translation>Keine Tage</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="249"/>
        <source>d MMM</source>
        <comment>date format</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="259"/>
        <source>Locked until {day}</source>
        <translation>Festgelegt bis {day}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="270"/>
        <source>today {time}</source>
        <translation>heute um {time}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="272"/>
        <source>tomorrow {time}</source>
        <translation>morgen um {time}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="273"/>
        <source>{weekday} {day} {time}</source>
        <translation>{weekday}, {day} um {time}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="290"/>
        <source>Always allowed: {apps}</source>
        <translation>Immer erlaubt: {apps}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="292"/>
        <source>Nothing is always allowed</source>
        <translation>Nichts ist immer erlaubt</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="302"/>
        <source>Clock changed once this week</source>
        <translation>Uhr diese Woche einmal umgestellt</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="303"/>
        <source>Clock changed {count} times this week</source>
        <translation>Uhr diese Woche {count}-mal umgestellt</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="309"/>
        <source>No limit was reached this week.</source>
        <translation>Diese Woche wurde kein Limit erreicht.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="322"/>
        <source>Looser limit from {when}</source>
        <translation>Lockereres Limit ab {when}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="326"/>
        <source>{time} today</source>
        <translation>heute {time}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="328"/>
        <source>No limit today</source>
        <translation>Heute kein Limit</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="330"/>
        <source>{used} of {limit}</source>
        <translation>{used} von {limit}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="340"/>
        <source>Ignored today</source>
        <translation>Heute ignoriert</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="342"/>
        <source>Downtime</source>
        <translation>Auszeit</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="344"/>
        <source>Snoozed · {time} left</source>
        <translation>Aufgeschoben · noch {time}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="347"/>
        <source>{time} over</source>
        <translation>{time} zu viel</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="350"/>
        <source>Time&apos;s up</source>
        <translation>Zeit ist um</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="352"/>
        <source>{time} left</source>
        <translation>noch {time}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="354"/>
        <source>Remove this limit</source>
        <translation>Dieses Limit entfernen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_model.py" line="356"/>
        <source>Locked until {day}: it can be removed after that day</source>
        <translation>Festgelegt bis {day}: Danach kann es entfernt werden</translation>
    </message>
</context>
<context>
    <name>LimitsPage</name>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="182"/>
        <location filename="../../wellbeing/ui/limits_page.py" line="198"/>
        <source>Limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="204"/>
        <source>Limit total screen time…</source>
        <translation>Gesamte Bildschirmzeit begrenzen…</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="205"/>
        <source>Limit total screen time</source>
        <translation>Gesamte Bildschirmzeit begrenzen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="233"/>
        <source>Daily limits</source>
        <translation>Tageslimits</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="240"/>
        <source>No limits yet. Choose “Set limit…” on an app, a site or a category in Your activity, or limit your total screen time.</source>
        <translation>Noch keine Limits. Wähle „Limit setzen…“ bei einer App, einer Website oder einer Kategorie unter „Deine Aktivität“, oder begrenze deine gesamte Bildschirmzeit.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="250"/>
        <source>Downtime</source>
        <translation>Auszeit</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="252"/>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="253"/>
        <source>Downtime on</source>
        <translation>Auszeit an</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="258"/>
        <source>During downtime, everything but what is always allowed shows the “Time&apos;s up” screen.</source>
        <translation>In der Auszeit zeigt alles außer dem, was immer erlaubt ist, den „Zeit ist um“-Bildschirm.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="265"/>
        <source>Downtime starts</source>
        <translation>Auszeit beginnt</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="266"/>
        <source>Downtime ends</source>
        <translation>Auszeit endet</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="272"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="274"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="282"/>
        <location filename="../../wellbeing/ui/limits_page.py" line="284"/>
        <source>Always allowed</source>
        <translation>Immer erlaubt</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="286"/>
        <source>e.g. signal-desktop, wikipedia.org, category:Reading</source>
        <translation>z. B. signal-desktop, wikipedia.org, category:Reading</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/limits_page.py" line="296"/>
        <source>This week: no limit was reached.</source>
        <translation>Diese Woche: kein Limit erreicht.</translation>
    </message>
</context>
<context>
    <name>PhoneDialog</name>
    <message>
        <location filename="../../wellbeing/ui/checkin.py" line="278"/>
        <source>Phone screen time — Wellbeing</source>
        <translation>Bildschirmzeit am Handy — Wellbeing</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/checkin.py" line="283"/>
        <source>wellbeing cannot see your phone. If you like, open Screen Time (iPhone) or Digital Wellbeing (Android) and type in the daily average of this week for each one. It is shown in the report beside the tracked figures, marked as self-reported.</source>
        <translation>wellbeing kann dein Handy nicht sehen. Wenn du magst, öffne Bildschirmzeit (iPhone) oder Digital Wellbeing (Android) und trag für jede Plattform den Tagesdurchschnitt dieser Woche ein. Er steht im Bericht neben den aufgezeichneten Werten, als selbst angegeben markiert.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/checkin.py" line="295"/>
        <source> min a day</source>
        <translation> Min. am Tag</translation>
    </message>
</context>
<context>
    <name>PromptDialog</name>
    <message>
        <location filename="../../wellbeing/ui/checkin.py" line="322"/>
        <source>A quick question — Wellbeing</source>
        <translation>Eine kurze Frage — Wellbeing</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/checkin.py" line="327"/>
        <source>How is your mood right now?</source>
        <translation>Wie ist deine Stimmung gerade?</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/checkin.py" line="327"/>
        <source>Very low</source>
        <translation>Sehr schlecht</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/checkin.py" line="328"/>
        <source>Very good</source>
        <translation>Sehr gut</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/checkin.py" line="343"/>
        <source>Choose a number from 0 to 10 first.</source>
        <translation>Wähle zuerst eine Zahl von 0 bis 10.</translation>
    </message>
</context>
<context>
    <name>QuestionnaireDialog</name>
    <message>
        <location filename="../../wellbeing/ui/checkin.py" line="184"/>
        <source>{name} — Wellbeing</source>
        <translation>{name} — Wellbeing</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/checkin.py" line="222"/>
        <source>Source: {citation}</source>
        <translation>Quelle: {citation}</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/checkin.py" line="252"/>
        <source>Item {number} (&quot;{item}&quot;) is not answered yet.</source>
        <translation>Frage {number} („{item}“) ist noch nicht beantwortet.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/checkin.py" line="261"/>
        <source>Saved. Your score: {score} ({band}).</source>
        <translation>Gespeichert. Dein Wert: {score} ({band}).</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/checkin.py" line="263"/>
        <source>Saved. Your score: {score}.</source>
        <translation>Gespeichert. Dein Wert: {score}.</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="44"/>
        <source>Measure</source>
        <translation>Messgröße</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="45"/>
        <source>Baseline</source>
        <translation>Ausgangsphase</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="46"/>
        <source>Limited</source>
        <translation>Begrenzt</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="47"/>
        <source>Difference (95% range)</source>
        <translation>Unterschied (95-%-Bereich)</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="48"/>
        <source>NAP</source>
        <translation>NAP</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="49"/>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="50"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="55"/>
        <source>baseline</source>
        <translation>Ausgangsphase</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="56"/>
        <source>limited</source>
        <translation>begrenzt</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="57"/>
        <source>usual</source>
        <translation>normal</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="58"/>
        <source>follow-up</source>
        <translation>Nachbeobachtung</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="63"/>
        <source>evening mood</source>
        <translation>Stimmung am Abend</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="64"/>
        <source>loneliness</source>
        <translation>Einsamkeit</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="65"/>
        <source>anxiety</source>
        <translation>Angst</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="66"/>
        <source>feeling of missing out</source>
        <translation>Gefühl, etwas zu verpassen</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="67"/>
        <source>WHO-5 well-being score</source>
        <translation>WHO-5-Wohlbefindenswert</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="68"/>
        <source>UCLA loneliness score</source>
        <translation>UCLA-Einsamkeitswert</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="69"/>
        <source>PHQ-8 depression score</source>
        <translation>PHQ-8-Depressionswert</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="70"/>
        <source>GAD-7 anxiety score</source>
        <translation>GAD-7-Angstwert</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="92"/>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="100"/>
        <source>mood</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="123"/>
        <source>Save as PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="140"/>
        <source>Days within your limits: {within} of {days}.</source>
        <translation>Tage innerhalb deiner Limits: {within} von {days}.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="147"/>
        <source>{target}: {before} min a day in the baseline, {during} in limited weeks (this computer only).</source>
        <translation>{target}: {before} Min. am Tag in der Ausgangsphase, {during} in begrenzten Wochen (nur dieser Computer).</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="155"/>
        <source>On days with 10 more minutes on these platforms, your evening mood was on average {points} points lower (correlation {r}, {n} days). Days differ in many ways, so this shows a pattern, not a cause.</source>
        <translation>An Tagen mit 10 Minuten mehr auf diesen Plattformen war deine Stimmung am Abend im Schnitt {points} Punkte niedriger (Korrelation {r}, {n} Tage). Tage unterscheiden sich in vielem, daher zeigt das ein Muster, keine Ursache.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="160"/>
        <source>On days with 10 more minutes on these platforms, your evening mood was on average {points} points higher (correlation {r}, {n} days). Days differ in many ways, so this shows a pattern, not a cause.</source>
        <translation>An Tagen mit 10 Minuten mehr auf diesen Plattformen war deine Stimmung am Abend im Schnitt {points} Punkte höher (Korrelation {r}, {n} Tage). Tage unterscheiden sich in vielem, daher zeigt das ein Muster, keine Ursache.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="167"/>
        <source>Phone, self-reported, week of {day}: {target} {minutes} min a day.</source>
        <translation>Handy, selbst angegeben, Woche ab {day}: {target} {minutes} Min. am Tag.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="176"/>
        <source>yyyy-MM-dd</source>
        <comment>date format</comment>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="185"/>
        <source>The chart fills in as the days go by.</source>
        <translation>Das Diagramm füllt sich mit jedem Tag.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="207"/>
        <source>Bars: tracked minutes a day on your chosen platforms, by phase ({phases}). Line: evening mood (0–10); squares: the weekly WHO-5 well-being score ÷ 10. Day 0 is {day}.</source>
        <translation>Balken: aufgezeichnete Minuten am Tag auf deinen gewählten Plattformen, nach Phase ({phases}). Linie: Stimmung am Abend (0–10); Quadrate: der wöchentliche WHO-5-Wohlbefindenswert ÷ 10. Tag 0 ist der {day}.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="219"/>
        <source>not enough data</source>
        <translation>zu wenige Daten</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="222"/>
        <source>{difference} ({low} to {high})</source>
        <translation>{difference} ({low} bis {high})</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="227"/>
        <source>{measure} (main)</source>
        <translation>{measure} (Hauptfrage)</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="233"/>
        <source>{percent}%</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="251"/>
        <source>Save the report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="252"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/experiment_report.py" line="267"/>
        <source>Wellbeing experiment report</source>
        <translation>Wellbeing-Experimentbericht</translation>
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
    <name>TimesUp</name>
    <message>
        <location filename="../../wellbeing/ui/times_up.py" line="52"/>
        <source>No snoozes left today</source>
        <translation>Heute kein Aufschub mehr</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/times_up.py" line="95"/>
        <source>Time&apos;s up</source>
        <translation>Zeit ist um</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/times_up.py" line="97"/>
        <source>It&apos;s downtime</source>
        <translation>Jetzt ist Auszeit</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/times_up.py" line="98"/>
        <source>{app} is not on your always-allowed list during downtime.</source>
        <translation>{app} steht nicht auf deiner Liste „Immer erlaubt“ für die Auszeit.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/times_up.py" line="101"/>
        <source>You&apos;ve used your computer for {used} today.</source>
        <translation>Du hast deinen Computer heute {used} genutzt.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/times_up.py" line="104"/>
        <source>You&apos;ve spent {used} on {name} today.</source>
        <translation>Du hast heute {used} mit {name} verbracht.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/times_up.py" line="106"/>
        <source>You&apos;ve used {name} for {used} today.</source>
        <translation>Du hast {name} heute {used} genutzt.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/times_up.py" line="109"/>
        <source>Your limit is {limit}.</source>
        <translation>Dein Limit liegt bei {limit}.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/times_up.py" line="115"/>
        <source>You locked this limit until {day}.</source>
        <translation>Du hast dieses Limit bis {day} festgelegt.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/times_up.py" line="119"/>
        <source>{app} is minimised while you are over the limit.</source>
        <translation>{app} wird minimiert, solange du über dem Limit bist.</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/times_up.py" line="122"/>
        <source>{minutes} more minutes ({left} left)</source>
        <translation>{minutes} Minuten mehr (noch {left})</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/times_up.py" line="130"/>
        <source>Close {app}</source>
        <translation>{app} schließen</translation>
    </message>
</context>
<context>
    <name>TimesUpWindow</name>
    <message>
        <location filename="../../wellbeing/ui/times_up.py" line="151"/>
        <source>Time&apos;s up — Wellbeing</source>
        <translation>Zeit ist um — Wellbeing</translation>
    </message>
    <message>
        <location filename="../../wellbeing/ui/times_up.py" line="189"/>
        <source>Ignore limit for today</source>
        <translation>Limit heute ignorieren</translation>
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
