<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>AddServerDialog</name>
    <message>
        <source>PHT central</source>
        <translation>PHT Central</translation>
    </message>
    <message>
        <source>FLAME hub</source>
        <translation>FLAME-Hub</translation>
    </message>
    <message>
        <source>PHEMS Federated Node</source>
        <translation>PHEMS Federated Node</translation>
    </message>
    <message>
        <source>Add your PHT server</source>
        <translation>Ihren PHT-Server hinzufügen</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>e.g. pht-central</source>
        <translation>z. B. pht-central</translation>
    </message>
    <message>
        <source>your approved project, if you are not an admin</source>
        <translation>Ihr genehmigtes Projekt, falls Sie kein Administrator sind</translation>
    </message>
    <message>
        <source>only if your network inspects TLS</source>
        <translation>nur, wenn Ihr Netzwerk TLS-Verbindungen prüft</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a CA bundle file</source>
        <translation>Eine CA-Bundle-Datei wählen</translation>
    </message>
    <message>
        <source>Ne&amp;twork:</source>
        <translation>Ne&amp;tzwerk:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;API URL:</source>
        <translation>&amp;API-URL:</translation>
    </message>
    <message>
        <source>A&amp;uth URL:</source>
        <translation>A&amp;uth-URL:</translation>
    </message>
    <message>
        <source>&amp;Storage URL:</source>
        <translation>&amp;Speicher-URL:</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projekt:</translation>
    </message>
    <message>
        <source>&amp;CA bundle:</source>
        <translation>&amp;CA-Bundle:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>API URL</source>
        <translation>API-URL</translation>
    </message>
    <message>
        <source>Auth URL</source>
        <translation>Auth-URL</translation>
    </message>
    <message>
        <source>Storage URL</source>
        <translation>Speicher-URL</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA-Bundle</translation>
    </message>
    <message>
        <source>A&amp;dd server</source>
        <translation>Server hin&amp;zufügen</translation>
    </message>
    <message>
        <source>Your PHT administrator gives you these addresses.</source>
        <translation>Diese Adressen erhalten Sie von Ihrer PHT-Administration.</translation>
    </message>
    <message>
        <source>Core &amp;URL:</source>
        <translation>Core-&amp;URL:</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>{name} bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Choose a CA bundle</source>
        <translation>CA-Bundle wählen</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All (*)</source>
        <translation>Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>AirflowPanel</name>
    <message>
        <source>Station&apos;s Airflow (a station that runs on a server)</source>
        <translation>Airflow der Station (eine Station, die auf einem Server läuft)</translation>
    </message>
    <message>
        <source>kept in the keyring</source>
        <translation>wird im Schlüsselbund aufbewahrt</translation>
    </message>
    <message>
        <source>Find out</source>
        <translation>Selbst ermitteln</translation>
    </message>
    <message>
        <source>Follo&amp;w log</source>
        <translation>Protokoll &amp;mitverfolgen</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Trigger run</source>
        <translation>Lauf starten</translation>
    </message>
    <message>
        <source>Stop run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Zug</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>API:</source>
        <translation>API:</translation>
    </message>
    <message>
        <source>Train image:</source>
        <translation>Image des Zuges:</translation>
    </message>
    <message>
        <source>Airflow address</source>
        <translation>Adresse von Airflow</translation>
    </message>
    <message>
        <source>Airflow user</source>
        <translation>Benutzer bei Airflow</translation>
    </message>
    <message>
        <source>Airflow password</source>
        <translation>Passwort bei Airflow</translation>
    </message>
    <message>
        <source>Airflow API</source>
        <translation>API von Airflow</translation>
    </message>
    <message>
        <source>Connect to the station&apos;s Airflow</source>
        <translation>Mit dem Airflow der Station verbinden</translation>
    </message>
    <message>
        <source>Refresh the runs</source>
        <translation>Läufe aktualisieren</translation>
    </message>
    <message>
        <source>Train image to run</source>
        <translation>Image des auszuführenden Zuges</translation>
    </message>
    <message>
        <source>Trigger a run</source>
        <translation>Einen Lauf starten</translation>
    </message>
    <message>
        <source>Follow the selected run&apos;s log</source>
        <translation>Protokoll des gewählten Laufs mitverfolgen</translation>
    </message>
    <message>
        <source>Stop the selected run</source>
        <translation>Gewählten Lauf abbrechen</translation>
    </message>
    <message>
        <source>Airflow runs</source>
        <translation>Läufe in Airflow</translation>
    </message>
    <message>
        <source>Airflow run log</source>
        <translation>Protokoll des Laufs in Airflow</translation>
    </message>
    <message>
        <source>Connecting to the station&apos;s Airflow</source>
        <translation>Verbindung mit dem Airflow der Station</translation>
    </message>
    <message>
        <source>Reading the station&apos;s runs</source>
        <translation>Läufe der Station werden gelesen</translation>
    </message>
    <message>
        <source>Run {run} of {train} was started.</source>
        <translation>Lauf {run} von {train} wurde gestartet.</translation>
    </message>
    <message>
        <source>Starting a run at the station</source>
        <translation>Ein Lauf wird an der Station gestartet</translation>
    </message>
    <message>
        <source>Following the log of run {run}</source>
        <translation>Protokoll von Lauf {run} wird mitverfolgt</translation>
    </message>
    <message>
        <source>Run {run} had no step left to stop.</source>
        <translation>Lauf {run} hatte keinen Schritt mehr, der abzubrechen war.</translation>
    </message>
    <message>
        <source>The {step} step of run {run} was stopped; the run cleans up after itself.</source>
        <translation>Der Schritt {step} von Lauf {run} wurde abgebrochen; der Lauf räumt selbst auf.</translation>
    </message>
    <message>
        <source>Stopping run {run}</source>
        <translation>Lauf {run} wird abgebrochen</translation>
    </message>
    <message>
        <source>Run {run} of {train} succeeded.</source>
        <translation>Lauf {run} von {train} war erfolgreich.</translation>
    </message>
    <message>
        <source>Run {run} of {train} is {state}.</source>
        <translation>Lauf {run} von {train}: {state}.</translation>
    </message>
    <message>
        <source>Connected; the station has no runs of run_train yet.</source>
        <translation>Verbunden; die Station hat noch keine Läufe von run_train.</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>Reading your keys</source>
        <translation>Ihre Schlüssel werden gelesen</translation>
    </message>
    <message>
        <source>Checking the session</source>
        <translation>Sitzung wird geprüft</translation>
    </message>
</context>
<context>
    <name>CancelOutcome</name>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Abgebrochen; es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>Too late to cancel: {what}</source>
        <translation>Zu spät zum Abbrechen: {what}</translation>
    </message>
</context>
<context>
    <name>DeleteKeyDialog</name>
    <message>
        <source>Delete {name}</source>
        <translation>{name} löschen</translation>
    </message>
    <message>
        <source>&lt;p&gt;Delete key &lt;b&gt;{name}&lt;/b&gt; ({type})?&lt;/p&gt;&lt;p&gt;Fingerprint {fingerprint}&lt;/p&gt;&lt;p&gt;Its private part is removed {where}. Without a backup, results encrypted for this key can never be read again.&lt;/p&gt;&lt;p&gt;Type the key&apos;s name to confirm:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Schlüssel &lt;b&gt;{name}&lt;/b&gt; ({type}) löschen?&lt;/p&gt;&lt;p&gt;Fingerabdruck {fingerprint}&lt;/p&gt;&lt;p&gt;Sein privater Teil wird {where} entfernt. Ohne Sicherung lassen sich Ergebnisse, die für diesen Schlüssel verschlüsselt wurden, nie wieder lesen.&lt;/p&gt;&lt;p&gt;Geben Sie zur Bestätigung den Namen des Schlüssels ein:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Type {name} to confirm the deletion</source>
        <translation>Geben Sie {name} ein, um das Löschen zu bestätigen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
</context>
<context>
    <name>DemoSession</name>
    <message>
        <source>Starting the local demo</source>
        <translation>Lokale Demo wird gestartet</translation>
    </message>
    <message>
        <source>Signing in to the local demo</source>
        <translation>Anmeldung bei der lokalen Demo</translation>
    </message>
    <message>
        <source>Stopping the local demo</source>
        <translation>Lokale Demo wird beendet</translation>
    </message>
</context>
<context>
    <name>ExportKeyDialog</name>
    <message>
        <source>Public key, PEM</source>
        <translation>Öffentlicher Schlüssel, PEM</translation>
    </message>
    <message>
        <source>Public key, hex PEM (what the central API stores)</source>
        <translation>Öffentlicher Schlüssel, Hex-PEM (so, wie ihn die zentrale API speichert)</translation>
    </message>
    <message>
        <source>Public key, Paillier JSON</source>
        <translation>Öffentlicher Schlüssel, Paillier-JSON</translation>
    </message>
    <message>
        <source>Private key backup, encrypted</source>
        <translation>Sicherung des privaten Schlüssels, verschlüsselt</translation>
    </message>
    <message>
        <source>Export {name}</source>
        <translation>{name} exportieren</translation>
    </message>
    <message>
        <source>Export to file</source>
        <translation>In Datei exportieren</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>Was exportiert wird</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>Choose the file to export to</source>
        <translation>Zieldatei für den Export wählen</translation>
    </message>
    <message>
        <source>the key&apos;s current passphrase</source>
        <translation>die aktuelle Passphrase des Schlüssels</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>Passphrase der Sicherung</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <source>E&amp;xport:</source>
        <translation>&amp;Inhalt:</translation>
    </message>
    <message>
        <source>&amp;To file:</source>
        <translation>In &amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Key passphrase:</source>
        <translation>&amp;Passphrase des Schlüssels:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
</context>
<context>
    <name>FlameNodeKeyDialog</name>
    <message>
        <source>Register as FLAME node key</source>
        <translation>Als FLAME-Knotenschlüssel registrieren</translation>
    </message>
    <message>
        <source>Key {name} ({fingerprint}) becomes the public key of the node you pick. The hub&apos;s key is compared first and read back after; a different key is replaced only if you confirm.</source>
        <translation>Der Schlüssel {name} ({fingerprint}) wird zum öffentlichen Schlüssel des Knotens, den Sie wählen. Der Schlüssel auf dem Hub wird vorher verglichen und danach zurückgelesen; ein anderer Schlüssel wird nur ersetzt, wenn Sie es bestätigen.</translation>
    </message>
    <message>
        <source>FLAME node</source>
        <translation>FLAME-Knoten</translation>
    </message>
    <message>
        <source>Reading the hub&apos;s nodes…</source>
        <translation>Knoten des Hubs werden gelesen…</translation>
    </message>
    <message>
        <source>Node key status</source>
        <translation>Status des Knotenschlüssels</translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation>&amp;Knoten:</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Registrieren</translation>
    </message>
    <message>
        <source>Register the key for the chosen node</source>
        <translation>Schlüssel für den gewählten Knoten registrieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Reading the hub&apos;s nodes</source>
        <translation>Knoten des Hubs werden gelesen</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Registering key {name}…</source>
        <translation>Schlüssel {name} wird registriert…</translation>
    </message>
    <message>
        <source>Registering a FLAME node key</source>
        <translation>FLAME-Knotenschlüssel wird registriert</translation>
    </message>
    <message>
        <source>no key yet</source>
        <translation>noch kein Schlüssel</translation>
    </message>
    <message>
        <source>an unreadable key</source>
        <translation>ein unlesbarer Schlüssel</translation>
    </message>
    <message>
        <source>this key</source>
        <translation>dieser Schlüssel</translation>
    </message>
    <message>
        <source>another key ({fingerprint}…)</source>
        <translation>ein anderer Schlüssel ({fingerprint}…)</translation>
    </message>
    <message>
        <source>Choose the node.</source>
        <translation>Wählen Sie den Knoten.</translation>
    </message>
    <message>
        <source>The hub shows you no node.</source>
        <translation>Der Hub zeigt Ihnen keinen Knoten.</translation>
    </message>
    <message>
        <source>Sign in to the hub first.</source>
        <translation>Melden Sie sich zuerst beim Hub an.</translation>
    </message>
    <message>
        <source>The node has a different key</source>
        <translation>Der Knoten hat einen anderen Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Replace the node&apos;s key</source>
        <translation>Schlüssel des Knotens &amp;ersetzen</translation>
    </message>
    <message>
        <source>Replace the node&apos;s key</source>
        <translation>Schlüssel des Knotens ersetzen</translation>
    </message>
</context>
<context>
    <name>FlameResultsPanel</name>
    <message>
        <source>R&amp;efresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <source>Fe&amp;tch result…</source>
        <translation>Ergebnis a&amp;brufen…</translation>
    </message>
    <message>
        <source>O&amp;pen folder</source>
        <translation>Ordner ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Run status</source>
        <translation>Status der Ausführung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>FLAME results are not encrypted or signed by the network: PHT Desktop checks that the archive is whole and safe to unpack, but cannot tell who made the files.</source>
        <translation>FLAME-Ergebnisse werden vom Netz weder verschlüsselt noch signiert: PHT Desktop prüft, ob das Archiv vollständig ist und sich gefahrlos entpacken lässt, kann aber nicht feststellen, wer die Dateien erstellt hat.</translation>
    </message>
    <message>
        <source>Refresh the analyses</source>
        <translation>Analysen aktualisieren</translation>
    </message>
    <message>
        <source>Fetch the selected analysis&apos;s result</source>
        <translation>Ergebnis der gewählten Analyse abrufen</translation>
    </message>
    <message>
        <source>Open the folder of the fetched result</source>
        <translation>Ordner des abgerufenen Ergebnisses öffnen</translation>
    </message>
    <message>
        <source>Your analyses on the FLAME hub</source>
        <translation>Ihre Analysen auf dem FLAME-Hub</translation>
    </message>
    <message>
        <source>Report of the fetched result</source>
        <translation>Bericht zum abgerufenen Ergebnis</translation>
    </message>
    <message>
        <source>Loading analyses</source>
        <translation>Analysen werden geladen</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keines</translation>
    </message>
    <message>
        <source>Folder for the result</source>
        <translation>Ordner für das Ergebnis</translation>
    </message>
    <message>
        <source>Fetching the result of {name}</source>
        <translation>Ergebnis von {name} wird abgerufen</translation>
    </message>
    <message numerus="yes">
        <source>Fetched %n file(s) into {folder}: not encrypted by the network; integrity not verifiable.</source>
        <translation>
            <numerusform>%n Datei nach {folder} abgerufen: vom Netz nicht verschlüsselt; Unversehrtheit nicht prüfbar.</numerusform>
            <numerusform>%n Dateien nach {folder} abgerufen: vom Netz nicht verschlüsselt; Unversehrtheit nicht prüfbar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Analysis: {name} ({id})</source>
        <translation>Analyse: {name} ({id})</translation>
    </message>
    <message>
        <source>From: {source}</source>
        <translation>Von: {source}</translation>
    </message>
    <message>
        <source>Protection: {protection}</source>
        <translation>Schutz: {protection}</translation>
    </message>
    <message>
        <source>Folder: {folder}</source>
        <translation>Ordner: {folder}</translation>
    </message>
    <message>
        <source>The SHA-256 sums are of the bytes as received, to compare copies later; they do not show who made the files.</source>
        <translation>Die SHA-256-Summen gelten für die Bytes, wie sie ankamen, um Kopien später zu vergleichen; sie zeigen nicht, wer die Dateien erstellt hat.</translation>
    </message>
</context>
<context>
    <name>GenerateKeyDialog</name>
    <message>
        <source>Generate a key pair</source>
        <translation>Schlüsselpaar erzeugen</translation>
    </message>
    <message>
        <source>e.g. my-research-key</source>
        <translation>z. B. mein-forschungsschluessel</translation>
    </message>
    <message>
        <source>RSA: for the PHT network (signing trains, receiving results) — the usual choice.
EC: for FLAME node keys only.
Paillier: only if your analysis asks for homomorphically summed results.</source>
        <translation>RSA: für das PHT-Netz (Züge signieren, Ergebnisse empfangen) – die übliche Wahl.
EC: nur für Schlüssel von FLAME-Knoten.
Paillier: nur, wenn Ihre Analyse homomorph summierte Ergebnisse verlangt.</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>RSA {size} bits — PHT trains and results</source>
        <translation>RSA {size} Bit – PHT-Züge und Ergebnisse</translation>
    </message>
    <message>
        <source>EC P-{size} — FLAME only, not for PHT trains</source>
        <translation>EC P-{size} – nur FLAME, nicht für PHT-Züge</translation>
    </message>
    <message>
        <source>Paillier {size} bits — homomorphic results</source>
        <translation>Paillier {size} Bit – homomorphe Ergebnisse</translation>
    </message>
    <message>
        <source>A key named “{name}” exists already.</source>
        <translation>Ein Schlüssel namens „{name}“ existiert bereits.</translation>
    </message>
    <message>
        <source>RSA keys sign train hashes and receive results on the PHT network.</source>
        <translation>RSA-Schlüssel signieren die Hashes von Zügen und empfangen Ergebnisse im PHT-Netz.</translation>
    </message>
    <message>
        <source>Paillier keys decrypt homomorphically summed results (*.he.json).</source>
        <translation>Paillier-Schlüssel entschlüsseln homomorph summierte Ergebnisse (*.he.json).</translation>
    </message>
</context>
<context>
    <name>ImportKeyDialog</name>
    <message>
        <source>Import a private key</source>
        <translation>Privaten Schlüssel importieren</translation>
    </message>
    <message>
        <source>private.pem, key.pem, private-he.key, a backup…</source>
        <translation>private.pem, key.pem, private-he.key, eine Sicherung…</translation>
    </message>
    <message>
        <source>optional: public.pem or public-he.key</source>
        <translation>optional: public.pem oder public-he.key</translation>
    </message>
    <message>
        <source>only if the file is encrypted</source>
        <translation>nur, wenn die Datei verschlüsselt ist</translation>
    </message>
    <message>
        <source>Protect with</source>
        <translation>Schützen mit</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <source>Public key file</source>
        <translation>Datei des öffentlichen Schlüssels</translation>
    </message>
    <message>
        <source>Name for the imported key</source>
        <translation>Name für den importierten Schlüssel</translation>
    </message>
    <message>
        <source>The key file&apos;s passphrase</source>
        <translation>Passphrase der Schlüsseldatei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Du&amp;rchsuchen…</translation>
    </message>
    <message>
        <source>Choose the key file</source>
        <translation>Schlüsseldatei wählen</translation>
    </message>
    <message>
        <source>Choose the public key file</source>
        <translation>Datei des öffentlichen Schlüssels wählen</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>&amp;Schlüsseldatei:</translation>
    </message>
    <message>
        <source>P&amp;ublic file:</source>
        <translation>Ö&amp;ffentliche Datei:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;File passphrase:</source>
        <translation>&amp;Passphrase der Datei:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>The imported key is stored under this passphrase:</source>
        <translation>Der importierte Schlüssel wird unter dieser Passphrase gespeichert:</translation>
    </message>
    <message>
        <source>Choose a key file</source>
        <translation>Schlüsseldatei wählen</translation>
    </message>
</context>
<context>
    <name>KeyServerActions</name>
    <message>
        <source>{state} (as {name})</source>
        <translation>{state} (als {name})</translation>
    </message>
    <message>
        <source>Checking the server&apos;s keys</source>
        <translation>Schlüssel auf dem Server werden geprüft</translation>
    </message>
    <message>
        <source>Registering {name}</source>
        <translation>{name} wird registriert</translation>
    </message>
    <message>
        <source>A different key is registered</source>
        <translation>Ein anderer Schlüssel ist registriert</translation>
    </message>
    <message>
        <source>&amp;Replace the server&apos;s key</source>
        <translation>Schlüssel auf dem Server &amp;ersetzen</translation>
    </message>
    <message>
        <source>Unregistering {name}</source>
        <translation>Registrierung von {name} wird aufgehoben</translation>
    </message>
</context>
<context>
    <name>KeysTab</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Active server</source>
        <translation>Aktiver Server</translation>
    </message>
    <message>
        <source>&amp;Use encrypted key file store…</source>
        <translation>Verschlüsselte Schlüsseldatei &amp;verwenden…</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Jetzt sichern…</translation>
    </message>
    <message>
        <source>Your keys</source>
        <translation>Ihre Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Generate…</source>
        <translation>&amp;Erzeugen…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Copy public key</source>
        <translation>Öffentlichen Schlüssel &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Chec&amp;k server</source>
        <translation>&amp;Server prüfen</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Registrieren</translation>
    </message>
    <message>
        <source>U&amp;nregister</source>
        <translation>Registrierung &amp;aufheben</translation>
    </message>
    <message>
        <source>Register as FLAME node ke&amp;y…</source>
        <translation>Als FLA&amp;ME-Knotenschlüssel registrieren…</translation>
    </message>
    <message>
        <source>{type} (no passphrase)</source>
        <translation>{type} (ohne Passphrase)</translation>
    </message>
    <message>
        <source>EC key: FLAME only, cannot be used for PHT trains</source>
        <translation>EC-Schlüssel: nur für FLAME, nicht für PHT-Züge verwendbar</translation>
    </message>
    <message>
        <source>{no_backup}: without one, a lost key means its results can never be read.</source>
        <translation>{no_backup}: Geht ein Schlüssel ohne Sicherung verloren, lassen sich seine Ergebnisse nie mehr lesen.</translation>
    </message>
    <message>
        <source>Generating {type} key “{name}”</source>
        <translation>{type}-Schlüssel „{name}“ wird erzeugt</translation>
    </message>
    <message>
        <source>Created key {name} ({fingerprint}).</source>
        <translation>Schlüssel {name} erzeugt ({fingerprint}).</translation>
    </message>
    <message>
        <source>Key created</source>
        <translation>Schlüssel erzeugt</translation>
    </message>
    <message>
        <source>&lt;p&gt;Key &lt;b&gt;{name}&lt;/b&gt; is ready.&lt;br&gt;Fingerprint {fingerprint}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Next steps:&lt;/b&gt; back up the private key to a safe place (a lost key means results encrypted for it can never be read), then register its public key with the central PHT server.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Schlüssel &lt;b&gt;{name}&lt;/b&gt; ist bereit.&lt;br&gt;Fingerabdruck {fingerprint}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Nächste Schritte:&lt;/b&gt; Sichern Sie den privaten Schlüssel an einem sicheren Ort (geht er verloren, lassen sich die für ihn verschlüsselten Ergebnisse nie mehr lesen) und registrieren Sie dann seinen öffentlichen Schlüssel beim zentralen PHT-Server.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation>{file} wird importiert</translation>
    </message>
    <message>
        <source>Imported {name} ({fingerprint}).</source>
        <translation>{name} importiert ({fingerprint}).</translation>
    </message>
    <message>
        <source>Backed up {name} to {path}; keep that file somewhere safe.</source>
        <translation>{name} wurde in {path} gesichert; bewahren Sie diese Datei an einem sicheren Ort auf.</translation>
    </message>
    <message>
        <source>the public key was already written to {path}.</source>
        <translation>der öffentliche Schlüssel war bereits in {path} geschrieben.</translation>
    </message>
    <message>
        <source>Exported {name} to {path}.</source>
        <translation>{name} wurde nach {path} exportiert.</translation>
    </message>
    <message>
        <source>Exporting {name}</source>
        <translation>{name} wird exportiert</translation>
    </message>
    <message>
        <source>Public key of {name} copied to the clipboard.</source>
        <translation>Öffentlicher Schlüssel von {name} in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Deleting {name}</source>
        <translation>{name} wird gelöscht</translation>
    </message>
    <message>
        <source>Deleted key {name}.</source>
        <translation>Schlüssel {name} gelöscht.</translation>
    </message>
    <message>
        <source>Use the encrypted key file store?</source>
        <translation>Verschlüsselte Schlüsseldatei verwenden?</translation>
    </message>
    <message>
        <source>No OS keyring is usable, so PHT Desktop can keep private keys in an encrypted file in {folder} instead.

Every key then needs a passphrase, and sign-in tokens are not remembered.</source>
        <translation>Kein Schlüsselbund des Betriebssystems ist nutzbar. PHT Desktop kann private Schlüssel stattdessen in einer verschlüsselten Datei in {folder} aufbewahren.

Jeder Schlüssel braucht dann eine Passphrase, und Anmeldungen werden nicht gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Use the encrypted file</source>
        <translation>Verschlüsselte Datei &amp;verwenden</translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>Sprache des Fensters</translation>
    </message>
    <message>
        <source>Automatic (the system&apos;s: {language})</source>
        <translation>Automatisch (wie das System: {language})</translation>
    </message>
    <message>
        <source>About changing the language</source>
        <translation>Zum Wechsel der Sprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The command line always speaks English.</source>
        <translation>Die Kommandozeile bleibt immer englisch.</translation>
    </message>
    <message>
        <source>The new language applies when PHT Desktop is started again.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von PHT Desktop.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Signieren</translation>
    </message>
    <message>
        <source>Trains</source>
        <translation>Züge</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>{app} — profile {profile}</source>
        <translation>{app} – Profil {profile}</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>&amp;Add server…</source>
        <translation>Server hin&amp;zufügen…</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>&amp;Open the Keys tab</source>
        <translation>Reiter „Schlüssel“ ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Open the station settings</source>
        <translation>Stationseinstellungen ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Welcome page</source>
        <translation>&amp;Willkommensseite</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <source>Stop the &amp;demo</source>
        <translation>&amp;Demo beenden</translation>
    </message>
    <message>
        <source>&amp;About PHT Desktop</source>
        <translation>Ü&amp;ber PHT Desktop</translation>
    </message>
    <message>
        <source>keys in the OS keyring</source>
        <translation>Schlüssel im Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>keys in a file</source>
        <translation>Schlüssel in einer Datei</translation>
    </message>
    <message>
        <source>Profile {profile} · {where}</source>
        <translation>Profil {profile} · {where}</translation>
    </message>
    <message>
        <source>Private keys are kept {where}.</source>
        <translation>Private Schlüssel werden {where} aufbewahrt.</translation>
    </message>
    <message>
        <source>Profile {profile} · no key storage available</source>
        <translation>Profil {profile} · kein Schlüsselspeicher verfügbar</translation>
    </message>
    <message>
        <source>&lt;p&gt;The desktop companion of the Personal Health Train: keys, train signing, result decryption and the station runner.&lt;/p&gt;&lt;p&gt;Profile: &lt;b&gt;{profile}&lt;/b&gt;&lt;br&gt;Settings: {settings}&lt;br&gt;Data: {data}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Desktop-Anwendung zum Personal Health Train: Schlüssel, Signieren von Zügen, Entschlüsseln von Ergebnissen und Ausführen an der Station.&lt;/p&gt;&lt;p&gt;Profil: &lt;b&gt;{profile}&lt;/b&gt;&lt;br&gt;Einstellungen: {settings}&lt;br&gt;Daten: {data}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
    <message>
        <source>A job is still running</source>
        <translation>Ein Vorgang läuft noch</translation>
    </message>
    <message>
        <source>Still running:</source>
        <translation>Läuft noch:</translation>
    </message>
    <message>
        <source>Stop it and quit? Partial downloads and decryptions are removed.</source>
        <translation>Anhalten und beenden? Unvollständige Downloads und Entschlüsselungen werden entfernt.</translation>
    </message>
    <message>
        <source>&amp;Stop and quit</source>
        <translation>&amp;Anhalten und beenden</translation>
    </message>
    <message>
        <source>&amp;Keep the window</source>
        <translation>Fenster &amp;offen lassen</translation>
    </message>
    <message>
        <source>Stopping the running jobs…</source>
        <translation>Laufende Vorgänge werden angehalten…</translation>
    </message>
</context>
<context>
    <name>NodeTasksPanel</name>
    <message>
        <source>Remem&amp;ber the password in the OS keyring</source>
        <translation>Passwort im Schlüsselbund des Systems mer&amp;ken</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>An&amp;melden</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>a task id, such as 42</source>
        <translation>eine Aufgaben-ID, etwa 42</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <source>Add tas&amp;k</source>
        <translation>Aufgabe hin&amp;zufügen</translation>
    </message>
    <message>
        <source>Fe&amp;tch results…</source>
        <translation>Ergebnisse a&amp;brufen…</translation>
    </message>
    <message>
        <source>Federated Node results are not encrypted or signed by the network: only each file&apos;s checksum is checked, not who made it.</source>
        <translation>Ergebnisse eines Federated Node werden vom Netz weder verschlüsselt noch signiert: Geprüft wird nur die Prüfsumme jeder Datei, nicht, wer sie erstellt hat.</translation>
    </message>
    <message>
        <source>Sign in to the node</source>
        <translation>Beim Knoten anmelden</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Benutzer&amp;name:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Username on the node</source>
        <translation>Benutzername auf dem Knoten</translation>
    </message>
    <message>
        <source>Password on the node</source>
        <translation>Passwort auf dem Knoten</translation>
    </message>
    <message>
        <source>Remember the password</source>
        <translation>Passwort merken</translation>
    </message>
    <message>
        <source>Sign out of the node</source>
        <translation>Vom Knoten abmelden</translation>
    </message>
    <message>
        <source>Task id to add</source>
        <translation>ID der hinzuzufügenden Aufgabe</translation>
    </message>
    <message>
        <source>Add the task</source>
        <translation>Aufgabe hinzufügen</translation>
    </message>
    <message>
        <source>Refresh the tasks</source>
        <translation>Aufgaben aktualisieren</translation>
    </message>
    <message>
        <source>Fetch the selected task&apos;s results</source>
        <translation>Ergebnisse der gewählten Aufgabe abrufen</translation>
    </message>
    <message>
        <source>Your tasks on the node</source>
        <translation>Ihre Aufgaben auf dem Knoten</translation>
    </message>
    <message>
        <source>Signing in to the node</source>
        <translation>Anmeldung beim Knoten</translation>
    </message>
    <message>
        <source>Signed in to {0}.</source>
        <translation>Bei {0} angemeldet.</translation>
    </message>
    <message>
        <source>Signing out</source>
        <translation>Abmeldung</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message>
        <source>Task {0} added.</source>
        <translation>Aufgabe {0} hinzugefügt.</translation>
    </message>
    <message>
        <source>Reading the task</source>
        <translation>Aufgabe wird gelesen</translation>
    </message>
    <message>
        <source>Reading your tasks</source>
        <translation>Ihre Aufgaben werden gelesen</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>Select a task first.</source>
        <translation>Wählen Sie zuerst eine Aufgabe.</translation>
    </message>
    <message>
        <source>Folder for the results</source>
        <translation>Ordner für die Ergebnisse</translation>
    </message>
    <message>
        <source>Fetched {0} files of task {1} into {2}.</source>
        <translation>Ergebnisse der Aufgabe {1} abgerufen: {0} Datei(en) in {2}.</translation>
    </message>
    <message>
        <source>Fetching the results of task {0}</source>
        <translation>Ergebnisse der Aufgabe {0} werden abgerufen</translation>
    </message>
</context>
<context>
    <name>OperationBar</name>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the running job</source>
        <translation>Laufenden Vorgang abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} von {total}</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>Very weak</source>
        <translation>Sehr schwach</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Schwach</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Sehr stark</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Stärke:</translation>
    </message>
    <message>
        <source>A passphrase protects the key if someone copies your keyring or the backup.</source>
        <translation>Eine Passphrase schützt den Schlüssel, falls jemand Ihren Schlüsselbund oder die Sicherung kopiert.</translation>
    </message>
    <message>
        <source>{verdict} ({score} of {max}): it would be guessed {within} by someone holding a copy.</source>
        <translation>{verdict} ({score} von {max}): Wer eine Kopie besitzt, könnte sie {within} erraten.</translation>
    </message>
    <message>
        <source>At least {min} of {max} is needed.</source>
        <translation>Mindestens {min} von {max} sind nötig.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>(the first RSA key)</source>
        <translation>(der erste RSA-Schlüssel)</translation>
    </message>
    <message>
        <source>&amp;Default key:</source>
        <translation>&amp;Voreingestellter Schlüssel:</translation>
    </message>
    <message>
        <source>Private keys are kept {where}.</source>
        <translation>Private Schlüssel werden {where} aufbewahrt.</translation>
    </message>
    <message>
        <source>Stored:</source>
        <translation>Speicherort:</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Server profiles</source>
        <translation>Serverprofile</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>Ver&amp;wenden</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>found automatically (DOCKER_HOST, Docker or Podman)</source>
        <translation>wird automatisch gefunden (DOCKER_HOST, Docker oder Podman)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>E&amp;ngine:</source>
        <translation>Container-E&amp;ngine:</translation>
    </message>
    <message>
        <source>&amp;Time limit:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>&amp;Memory limit:</source>
        <translation>Speicher&amp;limit:</translation>
    </message>
    <message>
        <source>local demo</source>
        <translation>lokale Demo</translation>
    </message>
    <message>
        <source>{name} (active)</source>
        <translation>{name} (aktiv)</translation>
    </message>
    <message>
        <source>Remove server</source>
        <translation>Server entfernen</translation>
    </message>
    <message>
        <source>Remove the server profile {name}? Your keys stay; you can add the server again.</source>
        <translation>Serverprofil {name} entfernen? Ihre Schlüssel bleiben erhalten; Sie können den Server später wieder hinzufügen.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
</context>
<context>
    <name>RecoveryNotices</name>
    <message>
        <source>Some saved state could not be read</source>
        <translation>Gespeicherte Daten konnten teilweise nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>Decryption outcome</source>
        <translation>Ergebnis der Entschlüsselung</translation>
    </message>
    <message>
        <source>Verification checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Decrypted files</source>
        <translation>Entschlüsselte Dateien</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Select a small text, CSV or JSON file to preview it.</source>
        <translation>Wählen Sie eine kleine Text-, CSV- oder JSON-Datei für die Vorschau.</translation>
    </message>
    <message>
        <source>Open fo&amp;lder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <source>Not decrypted. {message}
Nothing was written to the output folder.</source>
        <translation>Nicht entschlüsselt. {message}
In den Zielordner wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Station keys as the archive states them: {keys}</source>
        <translation>Stationsschlüssel laut Archiv: {keys}</translation>
    </message>
    <message>
        <source>UNVERIFIED: decrypted with verification skipped; the checks below were not enforced.</source>
        <translation>UNGEPRÜFT: ohne Prüfung entschlüsselt; die folgenden Prüfungen wurden nicht durchgesetzt.</translation>
    </message>
    <message>
        <source>Verified: every check held (signed by {stations}).</source>
        <translation>Geprüft: Alle Prüfungen bestanden (signiert von {stations}).</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in {folder}</source>
        <translation>
            <numerusform>%n Datei in {folder}</numerusform>
            <numerusform>%n Dateien in {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>{size} bytes · SHA-256 {sha256}</source>
        <translation>{size} Byte · SHA-256 {sha256}</translation>
    </message>
    <message>
        <source>Reading {file}</source>
        <translation>{file} wird gelesen</translation>
    </message>
    <message>
        <source>No preview for {suffix} files; use Open folder.</source>
        <translation>Keine Vorschau für {suffix}-Dateien; nutzen Sie „Ordner öffnen“.</translation>
    </message>
    <message>
        <source>No preview for this kind of file; use Open folder.</source>
        <translation>Keine Vorschau für diese Art von Datei; nutzen Sie „Ordner öffnen“.</translation>
    </message>
    <message>
        <source>{file} is larger than {size}; use Open folder.</source>
        <translation>{file} ist größer als {size}; nutzen Sie „Ordner öffnen“.</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}</source>
        <translation>{file} kann nicht gelesen werden: {reason}</translation>
    </message>
</context>
<context>
    <name>ResultsTab</name>
    <message>
        <source>&amp;Open archive…</source>
        <translation>&amp;Archiv öffnen…</translation>
    </message>
    <message>
        <source>Drop a result archive (.tar) on the window, or open one.</source>
        <translation>Ziehen Sie ein Ergebnisarchiv (.tar) auf das Fenster, oder öffnen Sie eines.</translation>
    </message>
    <message>
        <source>About the archive</source>
        <translation>Über das Archiv</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Zielordner</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Zielordner wählen</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Passphrase des Schlüssels</translation>
    </message>
    <message>
        <source>Paillier key passphrase</source>
        <translation>Passphrase des Paillier-Schlüssels</translation>
    </message>
    <message>
        <source>&amp;Write into a folder that is not empty</source>
        <translation>&amp;In einen nicht leeren Ordner schreiben</translation>
    </message>
    <message>
        <source>S&amp;kip verification (old trains without result signatures)</source>
        <translation>Prüfung ü&amp;berspringen (alte Züge ohne Signaturen der Ergebnisse)</translation>
    </message>
    <message>
        <source>&amp;Decrypt</source>
        <translation>&amp;Entschlüsseln</translation>
    </message>
    <message>
        <source>Archive:</source>
        <translation>Archiv:</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>Zielordner:</translation>
    </message>
    <message>
        <source>Key &amp;passphrase:</source>
        <translation>&amp;Passphrase des Schlüssels:</translation>
    </message>
    <message>
        <source>P&amp;aillier key passphrase:</source>
        <translation>Passphrase des Pai&amp;llier-Schlüssels:</translation>
    </message>
    <message>
        <source>Open a result archive</source>
        <translation>Ergebnisarchiv öffnen</translation>
    </message>
    <message>
        <source>Result archives (*.tar *.tar.gz *.tgz)</source>
        <translation>Ergebnisarchive (*.tar *.tar.gz *.tgz)</translation>
    </message>
    <message>
        <source>Not opening {file}: finish or cancel the running decryption first.</source>
        <translation>{file} wird nicht geöffnet: Beenden oder abbrechen Sie zuerst die laufende Entschlüsselung.</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>{file} wird gelesen…</translation>
    </message>
    <message>
        <source>{file}: not read (cancelled).</source>
        <translation>{file}: nicht gelesen (abgebrochen).</translation>
    </message>
    <message>
        <source>Reading {file}</source>
        <translation>{file} wird gelesen</translation>
    </message>
    <message>
        <source>{file} · train {id}</source>
        <translation>{file} · Zug {id}</translation>
    </message>
    <message>
        <source>(no id)</source>
        <translation>(ohne ID)</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), {size}</source>
        <translation>
            <numerusform>%n Datei, {size}</numerusform>
            <numerusform>%n Dateien, {size}</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed by {stations} (route: {route})</source>
        <translation>Signiert von {stations} (Route: {route})</translation>
    </message>
    <message>
        <source>no station</source>
        <translation>keiner Station</translation>
    </message>
    <message>
        <source>Encrypted for {fingerprint}</source>
        <translation>Verschlüsselt für {fingerprint}</translation>
    </message>
    <message>
        <source>not found (they stay encrypted)</source>
        <translation>nicht gefunden (sie bleiben verschlüsselt)</translation>
    </message>
    <message>
        <source>Paillier results: key {key}</source>
        <translation>Paillier-Ergebnisse: Schlüssel {key}</translation>
    </message>
    <message>
        <source>Your key {name} fits.</source>
        <translation>Ihr Schlüssel {name} passt.</translation>
    </message>
    <message>
        <source>No key storage is available, so no key can open it.</source>
        <translation>Kein Schlüsselspeicher ist verfügbar, daher kann kein Schlüssel es öffnen.</translation>
    </message>
    <message>
        <source>None of your keys fits; import the right one in the Keys tab.</source>
        <translation>Keiner Ihrer Schlüssel passt; importieren Sie den richtigen im Reiter „Schlüssel“.</translation>
    </message>
    <message>
        <source>Decrypting {file}</source>
        <translation>{file} wird entschlüsselt</translation>
    </message>
    <message numerus="yes">
        <source>Decrypted %n file(s) into {folder}.</source>
        <translation>
            <numerusform>%n Datei nach {folder} entschlüsselt.</numerusform>
            <numerusform>%n Dateien nach {folder} entschlüsselt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInBox</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>User (password)</source>
        <translation>Benutzer (Passwort)</translation>
    </message>
    <message>
        <source>Robot (id and secret)</source>
        <translation>Roboter (ID und Geheimnis)</translation>
    </message>
    <message>
        <source>Remem&amp;ber the password in the OS keyring</source>
        <translation>Passwort im Schlüsselbund des Systems mer&amp;ken</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>An&amp;melden</translation>
    </message>
    <message>
        <source>As:</source>
        <translation>Als:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Benutzer&amp;name:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Sign in as</source>
        <translation>Anmelden als</translation>
    </message>
    <message>
        <source>Username or robot id</source>
        <translation>Benutzername oder Roboter-ID</translation>
    </message>
    <message>
        <source>Password or robot secret</source>
        <translation>Passwort oder Geheimnis des Roboters</translation>
    </message>
    <message>
        <source>Robot i&amp;d:</source>
        <translation>&amp;Roboter-ID:</translation>
    </message>
    <message>
        <source>Secre&amp;t:</source>
        <translation>Geheim&amp;nis:</translation>
    </message>
</context>
<context>
    <name>SignTab</name>
    <message>
        <source>Paste the train hash shown by the central server</source>
        <translation>Fügen Sie den Hash des Zuges ein, den der zentrale Server anzeigt</translation>
    </message>
    <message>
        <source>Train hash</source>
        <translation>Hash des Zuges</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Signaturschlüssel</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Passphrase des Schlüssels</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Signieren</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the signature</source>
        <translation>Signatur kopieren</translation>
    </message>
    <message>
        <source>&amp;Train hash:</source>
        <translation>Hash des &amp;Zuges:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>Schlüsse&amp;l:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>Signatur:</translation>
    </message>
    <message>
        <source>Paillier keys cannot sign.</source>
        <translation>Paillier-Schlüssel können nicht signieren.</translation>
    </message>
    <message>
        <source>No RSA key in this profile: generate or import one in the Keys tab.</source>
        <translation>Kein RSA-Schlüssel in diesem Profil: Erzeugen oder importieren Sie einen im Reiter „Schlüssel“.</translation>
    </message>
    <message>
        <source>✓ a 64-byte SHA-512 hash</source>
        <translation>✓ ein SHA-512-Hash mit 64 Byte</translation>
    </message>
    <message>
        <source>Signed with {name}.</source>
        <translation>Mit {name} signiert.</translation>
    </message>
    <message>
        <source>Signing with {name}</source>
        <translation>Signieren mit {name}</translation>
    </message>
    <message>
        <source>Signature copied to the clipboard.</source>
        <translation>Signatur in die Zwischenablage kopiert.</translation>
    </message>
</context>
<context>
    <name>StationInboxPanel</name>
    <message>
        <source>Inbox and queue</source>
        <translation>Eingang und Warteschlange</translation>
    </message>
    <message>
        <source>registry.example.org/station-project</source>
        <translation>registry.example.org/stations-projekt</translation>
    </message>
    <message>
        <source>Registry project</source>
        <translation>Registry-Projekt</translation>
    </message>
    <message>
        <source>Refresh the inbox</source>
        <translation>Eingang aktualisieren</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Zug</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Halt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <source>&amp;Queue selected</source>
        <translation>Auswahl in die &amp;Warteschlange</translation>
    </message>
    <message>
        <source>Queue the selected trains</source>
        <translation>Ausgewählte Züge in die Warteschlange stellen</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Station key passphrase for the queue</source>
        <translation>Passphrase des Stationsschlüssels für die Warteschlange</translation>
    </message>
    <message>
        <source>Run q&amp;ueue</source>
        <translation>Warteschlange a&amp;barbeiten</translation>
    </message>
    <message>
        <source>Run the queue</source>
        <translation>Warteschlange abarbeiten</translation>
    </message>
    <message>
        <source>Stop the queue</source>
        <translation>Warteschlange anhalten</translation>
    </message>
    <message>
        <source>Refresh in&amp;box</source>
        <translation>&amp;Eingang aktualisieren</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>Anhal&amp;ten</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Remove the selected queue entry</source>
        <translation>Ausgewählten Eintrag aus der Warteschlange entfernen</translation>
    </message>
    <message>
        <source>Inbox and queue status</source>
        <translation>Status von Eingang und Warteschlange</translation>
    </message>
    <message>
        <source>Registry project:</source>
        <translation>Registry-Projekt:</translation>
    </message>
    <message>
        <source>Key passphrase:</source>
        <translation>Passphrase des Schlüssels:</translation>
    </message>
    <message>
        <source>Queue:</source>
        <translation>Warteschlange:</translation>
    </message>
    <message>
        <source>Reading the inbox</source>
        <translation>Eingang wird gelesen</translation>
    </message>
    <message numerus="yes">
        <source>%n train(s) wait for this station.</source>
        <translation>
            <numerusform>%n Zug wartet auf diese Station.</numerusform>
            <numerusform>%n Züge warten auf diese Station.</numerusform>
        </translation>
    </message>
    <message>
        <source>Queueing trains</source>
        <translation>Züge werden eingereiht</translation>
    </message>
    <message>
        <source>Reading the queue</source>
        <translation>Warteschlange wird gelesen</translation>
    </message>
    <message>
        <source>Removing a queue entry</source>
        <translation>Eintrag wird aus der Warteschlange entfernt</translation>
    </message>
    <message>
        <source>Set the station id and choose the station&apos;s key first.</source>
        <translation>Legen Sie zuerst die Stations-ID fest und wählen Sie den Schlüssel der Station.</translation>
    </message>
    <message>
        <source>Running the queue</source>
        <translation>Warteschlange wird abgearbeitet</translation>
    </message>
    <message>
        <source>Stopping: the current run is cancelled unless it is already pushing.</source>
        <translation>Wird angehalten: Der laufende Zug wird abgebrochen, sofern er nicht bereits übertragen wird.</translation>
    </message>
    <message>
        <source>Running entry {id}: {image}</source>
        <translation>Eintrag {id} läuft: {image}</translation>
    </message>
    <message>
        <source>Running the {step} step of the current train.</source>
        <translation>Der Schritt {step} des aktuellen Zuges läuft.</translation>
    </message>
    <message>
        <source>The queue is empty: {runs} run(s), {failed} not done.</source>
        <translation>Die Warteschlange ist leer: Läufe: {runs}, nicht abgeschlossen: {failed}.</translation>
    </message>
</context>
<context>
    <name>StationTab</name>
    <message>
        <source>pull</source>
        <translation>Abrufen</translation>
    </message>
    <message>
        <source>validate</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>pre-run</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <source>run</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>post-run</source>
        <translation>Nachbereitung</translation>
    </message>
    <message>
        <source>push</source>
        <translation>Übertragen</translation>
    </message>
    <message>
        <source>Cancelled at its {step} step: {error}</source>
        <translation>Abgebrochen beim Schritt {step}: {error}</translation>
    </message>
    <message>
        <source>Failed at its {step} step: {error}</source>
        <translation>Fehlgeschlagen beim Schritt {step}: {error}</translation>
    </message>
    <message>
        <source>Cancelled: {error}</source>
        <translation>Abgebrochen: {error}</translation>
    </message>
    <message>
        <source>Failed: {error}</source>
        <translation>Fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>found automatically (DOCKER_HOST, Docker or Podman sockets)</source>
        <translation>wird automatisch gefunden (DOCKER_HOST, Sockets von Docker oder Podman)</translation>
    </message>
    <message>
        <source>folders separated by &apos;;&apos;, mounted read-only at /opt/train_data/NAME</source>
        <translation>Ordner, getrennt durch &apos;;&apos;, schreibgeschützt eingebunden unter /opt/train_data/NAME</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>Sa&amp;ve settings</source>
        <translation>Einstellungen spei&amp;chern</translation>
    </message>
    <message>
        <source>Station settings</source>
        <translation>Stationseinstellungen</translation>
    </message>
    <message>
        <source>Station &amp;id:</source>
        <translation>Stations-&amp;ID:</translation>
    </message>
    <message>
        <source>Station &amp;key:</source>
        <translation>Stations&amp;schlüssel:</translation>
    </message>
    <message>
        <source>E&amp;ngine:</source>
        <translation>Container-E&amp;ngine:</translation>
    </message>
    <message>
        <source>&amp;Data folders:</source>
        <translation>Daten&amp;ordner:</translation>
    </message>
    <message>
        <source>&amp;Time limit:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>&amp;Memory limit:</source>
        <translation>Speicher&amp;limit:</translation>
    </message>
    <message>
        <source>&amp;Push the processed train back to the registry</source>
        <translation>Verarbeiteten Zug zurück in die Registry &amp;übertragen</translation>
    </message>
    <message>
        <source>&amp;Run train</source>
        <translation>Zug &amp;ausführen</translation>
    </message>
    <message>
        <source>Run a train</source>
        <translation>Einen Zug ausführen</translation>
    </message>
    <message>
        <source>Ima&amp;ge:</source>
        <translation>Ima&amp;ge:</translation>
    </message>
    <message>
        <source>Key pa&amp;ssphrase:</source>
        <translation>&amp;Passphrase des Schlüssels:</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Zug</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Is this computer ready to run trains?</source>
        <translation>Ist dieser Computer bereit, Züge auszuführen?</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
    <message>
        <source>Station environment</source>
        <translation>Umgebung der Station</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>Erneut p&amp;rüfen</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Schritte:</translation>
    </message>
    <message>
        <source>Log:</source>
        <translation>Protokoll:</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Verlauf:</translation>
    </message>
    <message>
        <source>Station id</source>
        <translation>Stations-ID</translation>
    </message>
    <message>
        <source>Station key</source>
        <translation>Stationsschlüssel</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Container-Engine</translation>
    </message>
    <message>
        <source>Data folders</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation>Speicherlimit</translation>
    </message>
    <message>
        <source>Train image</source>
        <translation>Image des Zuges</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Passphrase des Schlüssels</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Checking the station&apos;s environment</source>
        <translation>Umgebung der Station wird geprüft</translation>
    </message>
    <message>
        <source>the station settings were already saved.</source>
        <translation>die Stationseinstellungen waren bereits gespeichert.</translation>
    </message>
    <message>
        <source>Data folders that do not exist: {folders}.</source>
        <translation>Nicht vorhandene Datenordner: {folders}.</translation>
    </message>
    <message>
        <source>Station settings saved.</source>
        <translation>Stationseinstellungen gespeichert.</translation>
    </message>
    <message>
        <source>Saving the station settings</source>
        <translation>Stationseinstellungen werden gespeichert</translation>
    </message>
    <message>
        <source>Running {image}</source>
        <translation>{image} wird ausgeführt</translation>
    </message>
    <message>
        <source>Run {run} succeeded: the train was processed and pushed.</source>
        <translation>Lauf {run} erfolgreich: Der Zug wurde verarbeitet und übertragen.</translation>
    </message>
    <message>
        <source>Run {run} succeeded: the train was processed.</source>
        <translation>Lauf {run} erfolgreich: Der Zug wurde verarbeitet.</translation>
    </message>
    <message>
        <source>Reading the run history</source>
        <translation>Verlauf der Läufe wird gelesen</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Reading the log of run {run}</source>
        <translation>Protokoll von Lauf {run} wird gelesen</translation>
    </message>
    <message>
        <source>(the train never ran)</source>
        <translation>(der Zug lief nie)</translation>
    </message>
    <message>
        <source>The log of run {run} cannot be read: {reason}</source>
        <translation>Das Protokoll von Lauf {run} kann nicht gelesen werden: {reason}</translation>
    </message>
</context>
<context>
    <name>TrainReviewBox</name>
    <message>
        <source>Review and sign</source>
        <translation>Prüfen und signieren</translation>
    </message>
    <message>
        <source>The train&apos;s files</source>
        <translation>Die Dateien des Zuges</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Signaturschlüssel</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Passphrase des Schlüssels</translation>
    </message>
    <message>
        <source>Sign and s&amp;ubmit</source>
        <translation>Signieren und &amp;übermitteln</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Dateien:</translation>
    </message>
    <message>
        <source>Hashes:</source>
        <translation>Hashes:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>S&amp;chlüssel:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>server:     {server}…
recomputed: {computed}…</source>
        <translation>Server:        {server}…
nachgerechnet: {computed}…</translation>
    </message>
    <message>
        <source>The train&apos;s files hash to exactly what the server shows: you may sign it.</source>
        <translation>Der Hash der Dateien des Zuges stimmt genau mit dem des Servers überein: Sie können ihn signieren.</translation>
    </message>
    <message>
        <source>the files do not hash to what the server shows.</source>
        <translation>der Hash der Dateien stimmt nicht mit dem des Servers überein.</translation>
    </message>
    <message>
        <source>Do not sign: {problem}</source>
        <translation>Nicht signieren: {problem}</translation>
    </message>
</context>
<context>
    <name>TrainsTab</name>
    <message>
        <source>started</source>
        <translation>gestartet</translation>
    </message>
    <message>
        <source>downloading</source>
        <translation>wird heruntergeladen</translation>
    </message>
    <message>
        <source>downloaded</source>
        <translation>heruntergeladen</translation>
    </message>
    <message>
        <source>extracting</source>
        <translation>wird entpackt</translation>
    </message>
    <message>
        <source>extracted</source>
        <translation>entpackt</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Erstellung</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Trains</source>
        <translation>Züge</translation>
    </message>
    <message>
        <source>Analyses</source>
        <translation>Analysen</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>&amp;Add server…</source>
        <translation>Server hin&amp;zufügen…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>No server yet. Add the PHT server your administrator gave you, or try the demo.</source>
        <translation>Noch kein Server. Fügen Sie den PHT-Server hinzu, den Sie von Ihrer Administration erhalten haben, oder probieren Sie die Demo aus.</translation>
    </message>
    <message>
        <source>Add your PHT ser&amp;ver…</source>
        <translation>Ihren PHT-Server hinzu&amp;fügen…</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>Demo aus&amp;probieren</translation>
    </message>
    <message>
        <source>About the local demo</source>
        <translation>Über die lokale Demo</translation>
    </message>
    <message>
        <source>Stop the de&amp;mo</source>
        <translation>Demo &amp;beenden</translation>
    </message>
    <message>
        <source>Show trains</source>
        <translation>Angezeigte Züge</translation>
    </message>
    <message>
        <source>All trains</source>
        <translation>Alle Züge</translation>
    </message>
    <message>
        <source>Result {status}</source>
        <translation>Ergebnis {status}</translation>
    </message>
    <message>
        <source>R&amp;efresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <source>Your trains</source>
        <translation>Ihre Züge</translation>
    </message>
    <message>
        <source>&amp;Review and sign…</source>
        <translation>Prüfen und s&amp;ignieren…</translation>
    </message>
    <message>
        <source>Dow&amp;nload…</source>
        <translation>Herunter&amp;laden…</translation>
    </message>
    <message>
        <source>Download and de&amp;crypt</source>
        <translation>Herunterladen und &amp;entschlüsseln</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>LOCAL DEMO — not a real PHT server; nothing leaves this computer. Signed in as {user} (password {password}). Try: 1. Keys tab → Register your key. 2. Here: select the train waiting for your signature → Review and sign. 3. Select the finished train → Download and decrypt.</source>
        <translation>LOKALE DEMO – kein echter PHT-Server; nichts verlässt diesen Computer. Angemeldet als {user} (Passwort {password}). Probieren Sie: 1. Reiter „Schlüssel“ → Ihren Schlüssel registrieren. 2. Hier: den Zug wählen, der auf Ihre Signatur wartet → „Prüfen und signieren“. 3. Den fertigen Zug wählen → „Herunterladen und entschlüsseln“.</translation>
    </message>
    <message>
        <source>Checking the session…</source>
        <translation>Sitzung wird geprüft…</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Angemeldet.</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>the sign-in had already been sent.</source>
        <translation>die Anmeldung war bereits gesendet.</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Signing out</source>
        <translation>Abmeldung</translation>
    </message>
    <message>
        <source>Loading trains</source>
        <translation>Züge werden geladen</translation>
    </message>
    <message>
        <source>Downloading and hashing the files of {train}</source>
        <translation>Dateien von {train} werden heruntergeladen und gehasht</translation>
    </message>
    <message>
        <source>the signature for {train} was already being submitted.</source>
        <translation>die Signatur für {train} wurde bereits übermittelt.</translation>
    </message>
    <message>
        <source>Signed {train} with {key}; the signature was submitted.</source>
        <translation>{train} mit {key} signiert; die Signatur wurde übermittelt.</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Signieren</translation>
    </message>
    <message>
        <source>Save the result archive</source>
        <translation>Ergebnisarchiv speichern</translation>
    </message>
    <message>
        <source>Downloaded the results of {train} to {path}.</source>
        <translation>Die Ergebnisse von {train} wurden nach {path} heruntergeladen.</translation>
    </message>
    <message>
        <source>Downloading the results of {train}</source>
        <translation>Ergebnisse von {train} werden heruntergeladen</translation>
    </message>
    <message>
        <source>the session was already being removed.</source>
        <translation>die Sitzung wurde bereits entfernt.</translation>
    </message>
</context>
<context>
    <name>UnexpectedError</name>
    <message>
        <source>An unexpected error stopped “{label}”: {error}.</source>
        <translation>Ein unerwarteter Fehler hat „{label}“ gestoppt: {error}.</translation>
    </message>
</context>
<context>
    <name>WelcomeTab</name>
    <message numerus="yes">
        <source>{names} has no backup yet</source>
        <translation>
            <numerusform>{names} hat noch keine Sicherung</numerusform>
            <numerusform>{names} haben noch keine Sicherung</numerusform>
        </translation>
    </message>
    <message>
        <source>Welcome to PHT Desktop</source>
        <translation>Willkommen bei PHT Desktop</translation>
    </message>
    <message>
        <source>Analyses (trains) travel to the hospitals; their results come back encrypted for your key. Three steps get you ready:</source>
        <translation>Analysen (Züge) reisen zu den Kliniken; ihre Ergebnisse kommen verschlüsselt für Ihren Schlüssel zurück. In drei Schritten sind Sie bereit:</translation>
    </message>
    <message>
        <source>Create your key</source>
        <translation>Ihren Schlüssel erzeugen</translation>
    </message>
    <message>
        <source>&amp;Create a key…</source>
        <translation>Schlüssel &amp;erzeugen…</translation>
    </message>
    <message>
        <source>Create a key</source>
        <translation>Schlüssel erzeugen</translation>
    </message>
    <message>
        <source>&amp;Import a key…</source>
        <translation>Schlüssel &amp;importieren…</translation>
    </message>
    <message>
        <source>Import a key, also from the old PHT desktop app</source>
        <translation>Schlüssel importieren, auch aus der alten PHT-Desktop-App</translation>
    </message>
    <message>
        <source>Back it up</source>
        <translation>Sichern</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Sichern…</translation>
    </message>
    <message>
        <source>Back up your key</source>
        <translation>Ihren Schlüssel sichern</translation>
    </message>
    <message>
        <source>Connect to your PHT server</source>
        <translation>Mit Ihrem PHT-Server verbinden</translation>
    </message>
    <message>
        <source>Add your PHT &amp;server…</source>
        <translation>Ihren PHT-Server hinzu&amp;fügen…</translation>
    </message>
    <message>
        <source>Add your PHT server</source>
        <translation>Ihren PHT-Server hinzufügen</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>Demo aus&amp;probieren</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Demo ausprobieren</translation>
    </message>
    <message>
        <source>Your keys: {names}. Create or import more in the Keys tab.</source>
        <translation>Ihre Schlüssel: {names}. Weitere erzeugen oder importieren Sie im Reiter „Schlüssel“.</translation>
    </message>
    <message>
        <source>Your key pair receives results and signs trains. Create one, or import the one you already have (the old PHT desktop app&apos;s files work too).</source>
        <translation>Ihr Schlüsselpaar empfängt Ergebnisse und signiert Züge. Erzeugen Sie eines, oder importieren Sie Ihr vorhandenes (auch die Dateien der alten PHT-Desktop-App funktionieren).</translation>
    </message>
    <message>
        <source>Once you have a key, keep an encrypted backup of it in a safe place.</source>
        <translation>Sobald Sie einen Schlüssel haben, bewahren Sie eine verschlüsselte Sicherung davon an einem sicheren Ort auf.</translation>
    </message>
    <message>
        <source>{no_backup}. A lost key means results encrypted for it can never be read: write an encrypted backup file and keep it somewhere safe.</source>
        <translation>{no_backup}. Geht ein Schlüssel verloren, lassen sich die für ihn verschlüsselten Ergebnisse nie mehr lesen: Schreiben Sie eine verschlüsselte Sicherungsdatei und bewahren Sie sie an einem sicheren Ort auf.</translation>
    </message>
    <message>
        <source>Every key has an encrypted backup.</source>
        <translation>Jeder Schlüssel hat eine verschlüsselte Sicherung.</translation>
    </message>
    <message>
        <source>Signed in to {server}. Your trains are in the Trains tab.</source>
        <translation>Bei {server} angemeldet. Ihre Züge finden Sie im Reiter „Züge“.</translation>
    </message>
    <message>
        <source>Server {server} is set up; sign in in the Trains tab.</source>
        <translation>Server {server} ist eingerichtet; melden Sie sich im Reiter „Züge“ an.</translation>
    </message>
    <message>
        <source>Add the server your PHT administrator gave you, or try every step first on a local demo (nothing leaves this computer).</source>
        <translation>Fügen Sie den Server hinzu, den Sie von Ihrer PHT-Administration erhalten haben, oder probieren Sie zuerst jeden Schritt mit einer lokalen Demo aus (nichts verlässt diesen Computer).</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>An unexpected error ({error}).</source>
        <translation>Ein unerwarteter Fehler ({error}).</translation>
    </message>
    <message>
        <source>PHT Desktop could not start: {sentence}
The details are in the log file {path}.</source>
        <translation>PHT Desktop konnte nicht starten: {sentence}
Die Einzelheiten stehen in der Protokolldatei {path}.</translation>
    </message>
</context>
<context>
    <name>remedies</name>
    <message>
        <source>Choose another output folder, or tick “Write into a folder that is not empty”.</source>
        <translation>Wählen Sie einen anderen Zielordner, oder kreuzen Sie „In einen nicht leeren Ordner schreiben“ an.</translation>
    </message>
    <message>
        <source>Sign in again in the Trains tab.</source>
        <translation>Melden Sie sich im Reiter „Züge“ erneut an.</translation>
    </message>
    <message>
        <source>Add your PHT server in the Trains tab (Add server…).</source>
        <translation>Fügen Sie Ihren PHT-Server im Reiter „Züge“ hinzu („Server hinzufügen…“).</translation>
    </message>
    <message>
        <source>Start and unlock your system&apos;s password manager, then open the Keys tab again; or use the encrypted key file store (Keys tab).</source>
        <translation>Starten und entsperren Sie den Passwortmanager Ihres Systems und öffnen Sie dann den Reiter „Schlüssel“ erneut; oder verwenden Sie die verschlüsselte Schlüsseldatei (Reiter „Schlüssel“).</translation>
    </message>
    <message>
        <source>Start Docker or Podman, or set the engine in the Station tab&apos;s settings.</source>
        <translation>Starten Sie Docker oder Podman, oder legen Sie die Container-Engine in den Einstellungen des Reiters „Station“ fest.</translation>
    </message>
    <message>
        <source>Replace the server&apos;s key only if you are sure it is no longer used.</source>
        <translation>Ersetzen Sie den Schlüssel auf dem Server nur, wenn Sie sicher sind, dass er nicht mehr verwendet wird.</translation>
    </message>
    <message>
        <source>Type the key&apos;s passphrase and try again.</source>
        <translation>Geben Sie die Passphrase des Schlüssels ein und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Choose the key&apos;s public file (public-he.key) as well.</source>
        <translation>Wählen Sie zusätzlich die öffentliche Datei des Schlüssels (public-he.key).</translation>
    </message>
    <message>
        <source>If your network inspects TLS, give its CA certificate in the server&apos;s settings.</source>
        <translation>Falls Ihr Netzwerk TLS-Verbindungen prüft, geben Sie dessen CA-Zertifikat in den Einstellungen des Servers an.</translation>
    </message>
    <message>
        <source>For an old train without result signatures, tick “Skip verification”.</source>
        <translation>Kreuzen Sie bei einem alten Zug ohne Signaturen der Ergebnisse „Prüfung überspringen“ an.</translation>
    </message>
    <message>
        <source>Choose a longer passphrase, such as several unrelated words.</source>
        <translation>Wählen Sie eine längere Passphrase, etwa mehrere Wörter ohne Zusammenhang.</translation>
    </message>
    <message>
        <source>Use the server&apos;s https:// address; plain http is accepted only for a server on this computer.</source>
        <translation>Verwenden Sie die https://-Adresse des Servers; einfaches http wird nur für einen Server auf diesem Computer akzeptiert.</translation>
    </message>
</context>
<context>
    <name>unexpected</name>
    <message>
        <source>The details are in the log file {path}.</source>
        <translation>Die Einzelheiten stehen in der Protokolldatei {path}.</translation>
    </message>
    <message>
        <source>The details can be copied below.</source>
        <translation>Die Einzelheiten können Sie unten kopieren.</translation>
    </message>
    <message>
        <source>PHT Desktop goes on; nothing else was stopped.</source>
        <translation>PHT Desktop läuft weiter; sonst wurde nichts angehalten.</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the error details to the clipboard</source>
        <translation>Fehlerdetails in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>An unexpected error happened ({error}).</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten ({error}).</translation>
    </message>
</context>
</TS>
