<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AddServerDialog</name>
    <message>
        <source>PHT central</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLAME hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PHEMS Federated Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your PHT server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. pht-central</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your approved project, if you are not an admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only if your network inspects TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CA bundle file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;twork:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;API URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;uth URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Storage URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA bundle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your PHT administrator gives you these addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AirflowPanel</name>
    <message>
        <source>Station&apos;s Airflow (a station that runs on a server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept in the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follo&amp;w log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Airflow address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Airflow user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Airflow password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Airflow API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the station&apos;s Airflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train image to run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the selected run&apos;s log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Airflow runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Airflow run log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the station&apos;s Airflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the station&apos;s runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run {run} of {train} was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting a run at the station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Following the log of run {run}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run {run} had no step left to stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {step} step of run {run} was stopped; the run cleans up after itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping run {run}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run {run} of {train} succeeded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run {run} of {train} is {state}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected; the station has no runs of run_train yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>Reading your keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelOutcome</name>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too late to cancel: {what}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteKeyDialog</name>
    <message>
        <source>Delete {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Delete key &lt;b&gt;{name}&lt;/b&gt; ({type})?&lt;/p&gt;&lt;p&gt;Fingerprint {fingerprint}&lt;/p&gt;&lt;p&gt;Its private part is removed {where}. Without a backup, results encrypted for this key can never be read again.&lt;/p&gt;&lt;p&gt;Type the key&apos;s name to confirm:&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type {name} to confirm the deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoSession</name>
    <message>
        <source>Starting the local demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to the local demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the local demo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportKeyDialog</name>
    <message>
        <source>Public key, PEM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key, hex PEM (what the central API stores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key, Paillier JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key backup, encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key&apos;s current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FlameNodeKeyDialog</name>
    <message>
        <source>Register as FLAME node key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key {name} ({fingerprint}) becomes the public key of the node you pick. The hub&apos;s key is compared first and read back after; a different key is replaced only if you confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLAME node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the hub&apos;s nodes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node key status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register the key for the chosen node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the hub&apos;s nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering key {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering a FLAME node key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no key yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unreadable key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another key ({fingerprint}…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hub shows you no node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the hub first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node has a different key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace the node&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the node&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FlameResultsPanel</name>
    <message>
        <source>R&amp;efresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fe&amp;tch result…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;pen folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLAME results are not encrypted or signed by the network: PHT Desktop checks that the archive is whole and safe to unpack, but cannot tell who made the files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the analyses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the selected analysis&apos;s result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder of the fetched result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your analyses on the FLAME hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report of the fetched result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading analyses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the result of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Fetched %n file(s) into {folder}: not encrypted by the network; integrity not verifiable.</source>
        <translation>
            <numerusform>Fetched %n file into {folder}: not encrypted by the network; integrity not verifiable.</numerusform>
            <numerusform>Fetched %n files into {folder}: not encrypted by the network; integrity not verifiable.</numerusform>
        </translation>
    </message>
    <message>
        <source>Analysis: {name} ({id})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protection: {protection}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SHA-256 sums are of the bytes as received, to compare copies later; they do not show who made the files.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenerateKeyDialog</name>
    <message>
        <source>Generate a key pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. my-research-key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSA: for the PHT network (signing trains, receiving results) — the usual choice.
EC: for FLAME node keys only.
Paillier: only if your analysis asks for homomorphically summed results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSA {size} bits — PHT trains and results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EC P-{size} — FLAME only, not for PHT trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paillier {size} bits — homomorphic results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key named “{name}” exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSA keys sign train hashes and receive results on the PHT network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paillier keys decrypt homomorphically summed results (*.he.json).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportKeyDialog</name>
    <message>
        <source>Import a private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private.pem, key.pem, private-he.key, a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: public.pem or public-he.key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only if the file is encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name for the imported key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file&apos;s passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the public key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ublic file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The imported key is stored under this passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a key file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyServerActions</name>
    <message>
        <source>{state} (as {name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the server&apos;s keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A different key is registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace the server&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unregistering {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeysTab</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use encrypted key file store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chec&amp;k server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;nregister</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register as FLAME node ke&amp;y…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{type} (no passphrase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EC key: FLAME only, cannot be used for PHT trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no_backup}: without one, a lost key means its results can never be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating {type} key “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created key {name} ({fingerprint}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Key &lt;b&gt;{name}&lt;/b&gt; is ready.&lt;br&gt;Fingerprint {fingerprint}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Next steps:&lt;/b&gt; back up the private key to a safe place (a lost key means results encrypted for it can never be read), then register its public key with the central PHT server.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {name} ({fingerprint}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up {name} to {path}; keep that file somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the public key was already written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {name} to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key of {name} copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted key {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the encrypted key file store?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No OS keyring is usable, so PHT Desktop can keep private keys in an encrypted file in {folder} instead.

Every key then needs a passphrase, and sign-in tokens are not remembered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use the encrypted file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (the system&apos;s: {language})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About changing the language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command line always speaks English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies when PHT Desktop is started again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} — profile {profile}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the Keys tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the station settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Welcome page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About PHT Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keys in the OS keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keys in a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile {profile} · {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private keys are kept {where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile {profile} · no key storage available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The desktop companion of the Personal Health Train: keys, train signing, result decryption and the station runner.&lt;/p&gt;&lt;p&gt;Profile: &lt;b&gt;{profile}&lt;/b&gt;&lt;br&gt;Settings: {settings}&lt;br&gt;Data: {data}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A job is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still running:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop it and quit? Partial downloads and decryptions are removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the running jobs…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NodeTasksPanel</name>
    <message>
        <source>Remem&amp;ber the password in the OS keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a task id, such as 42</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add tas&amp;k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fe&amp;tch results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Federated Node results are not encrypted or signed by the network: only each file&apos;s checksum is checked, not who made it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username on the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password on the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task id to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the selected task&apos;s results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your tasks on the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task {0} added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading your tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a task first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetched {0} files of task {1} into {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the results of task {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperationBar</name>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the running job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>Very weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A passphrase protects the key if someone copies your keyring or the backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{verdict} ({score} of {max}): it would be guessed {within} by someone holding a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least {min} of {max} is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the first RSA key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Default key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private keys are kept {where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found automatically (DOCKER_HOST, Docker or Podman)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;ngine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Memory limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (active)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the server profile {name}? Your keys stay; you can add the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryNotices</name>
    <message>
        <source>Some saved state could not be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>Decryption outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decrypted files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a small text, CSV or JSON file to preview it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open fo&amp;lder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not decrypted. {message}
Nothing was written to the output folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station keys as the archive states them: {keys}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UNVERIFIED: decrypted with verification skipped; the checks below were not enforced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified: every check held (signed by {stations}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in {folder}</source>
        <translation>
            <numerusform>%n file in {folder}</numerusform>
            <numerusform>%n files in {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>{size} bytes · SHA-256 {sha256}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview for {suffix} files; use Open folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview for this kind of file; use Open folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is larger than {size}; use Open folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsTab</name>
    <message>
        <source>&amp;Open archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a result archive (.tar) on the window, or open one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paillier key passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write into a folder that is not empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;kip verification (old trains without result signatures)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decrypt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key &amp;passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;aillier key passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a result archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result archives (*.tar *.tar.gz *.tgz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not opening {file}: finish or cancel the running decryption first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: not read (cancelled).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} · train {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), {size}</source>
        <translation>
            <numerusform>%n file, {size}</numerusform>
            <numerusform>%n files, {size}</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed by {stations} (route: {route})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted for {fingerprint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found (they stay encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paillier results: key {key}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your key {name} fits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key storage is available, so no key can open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of your keys fits; import the right one in the Keys tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decrypting {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Decrypted %n file(s) into {folder}.</source>
        <translation>
            <numerusform>Decrypted %n file into {folder}.</numerusform>
            <numerusform>Decrypted %n files into {folder}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInBox</name>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User (password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Robot (id and secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remem&amp;ber the password in the OS keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username or robot id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password or robot secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Robot i&amp;d:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secre&amp;t:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignTab</name>
    <message>
        <source>Paste the train hash shown by the central server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Train hash:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paillier keys cannot sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No RSA key in this profile: generate or import one in the Keys tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ a 64-byte SHA-512 hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed with {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing with {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationInboxPanel</name>
    <message>
        <source>Inbox and queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registry.example.org/station-project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queue selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue the selected trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station key passphrase for the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run q&amp;ueue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh in&amp;box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected queue entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox and queue status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n train(s) wait for this station.</source>
        <translation>
            <numerusform>%n train waits for this station.</numerusform>
            <numerusform>%n trains wait for this station.</numerusform>
        </translation>
    </message>
    <message>
        <source>Queueing trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing a queue entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the station id and choose the station&apos;s key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping: the current run is cancelled unless it is already pushing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running entry {id}: {image}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running the {step} step of the current train.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue is empty: {runs} run(s), {failed} not done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationTab</name>
    <message>
        <source>pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pre-run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>post-run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled at its {step} step: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed at its {step} step: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found automatically (DOCKER_HOST, Docker or Podman sockets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folders separated by &apos;;&apos;, mounted read-only at /opt/train_data/NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station &amp;id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;ngine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data folders:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Memory limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Push the processed train back to the registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ima&amp;ge:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key pa&amp;ssphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is this computer ready to run trains?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the station&apos;s environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the station settings were already saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folders that do not exist: {folders}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the station settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running {image}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run {run} succeeded: the train was processed and pushed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run {run} succeeded: the train was processed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the run history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the log of run {run}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the train never ran)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log of run {run} cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainReviewBox</name>
    <message>
        <source>Review and sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The train&apos;s files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign and s&amp;ubmit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server:     {server}…
recomputed: {computed}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The train&apos;s files hash to exactly what the server shows: you may sign it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the files do not hash to what the server shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not sign: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainsTab</name>
    <message>
        <source>started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extracting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extracted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server yet. Add the PHT server your administrator gave you, or try the demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your PHT ser&amp;ver…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the local demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the de&amp;mo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;efresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review and sign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dow&amp;nload…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download and de&amp;crypt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LOCAL DEMO — not a real PHT server; nothing leaves this computer. Signed in as {user} (password {password}). Try: 1. Keys tab → Register your key. 2. Here: select the train waiting for your signature → Review and sign. 3. Select the finished train → Download and decrypt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sign-in had already been sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading and hashing the files of {train}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signature for {train} was already being submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed {train} with {key}; the signature was submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the result archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded the results of {train} to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the results of {train}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the session was already being removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnexpectedError</name>
    <message>
        <source>An unexpected error stopped “{label}”: {error}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeTab</name>
    <message numerus="yes">
        <source>{names} has no backup yet</source>
        <translation>
            <numerusform>{names} has no backup yet</numerusform>
            <numerusform>{names} have no backup yet</numerusform>
        </translation>
    </message>
    <message>
        <source>Welcome to PHT Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyses (trains) travel to the hospitals; their results come back encrypted for your key. Three steps get you ready:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create your key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create a key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import a key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a key, also from the old PHT desktop app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back it up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up your key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to your PHT server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your PHT &amp;server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your PHT server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your keys: {names}. Create or import more in the Keys tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your key pair receives results and signs trains. Create one, or import the one you already have (the old PHT desktop app&apos;s files work too).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once you have a key, keep an encrypted backup of it in a safe place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no_backup}. A lost key means results encrypted for it can never be read: write an encrypted backup file and keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every key has an encrypted backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to {server}. Your trains are in the Trains tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server {server} is set up; sign in in the Trains tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the server your PHT administrator gave you, or try every step first on a local demo (nothing leaves this computer).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>An unexpected error ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PHT Desktop could not start: {sentence}
The details are in the log file {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>remedies</name>
    <message>
        <source>Choose another output folder, or tick “Write into a folder that is not empty”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again in the Trains tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your PHT server in the Trains tab (Add server…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start and unlock your system&apos;s password manager, then open the Keys tab again; or use the encrypted key file store (Keys tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Docker or Podman, or set the engine in the Station tab&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the server&apos;s key only if you are sure it is no longer used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the key&apos;s passphrase and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the key&apos;s public file (public-he.key) as well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If your network inspects TLS, give its CA certificate in the server&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For an old train without result signatures, tick “Skip verification”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a longer passphrase, such as several unrelated words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the server&apos;s https:// address; plain http is accepted only for a server on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unexpected</name>
    <message>
        <source>The details are in the log file {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details can be copied below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PHT Desktop goes on; nothing else was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the error details to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected error happened ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
