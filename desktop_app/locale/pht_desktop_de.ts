<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>AddServerDialog</name>
    <message>
        <location filename="../gui/dialogs/server_dialog.py" line="29"/>
        <source>Add your PHT server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/server_dialog.py" line="30"/>
        <source>e.g. pht-central</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/server_dialog.py" line="33"/>
        <source>only if your network inspects TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/server_dialog.py" line="34"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/server_dialog.py" line="35"/>
        <source>Choose a CA bundle file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/server_dialog.py" line="42"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/server_dialog.py" line="43"/>
        <source>&amp;API URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/server_dialog.py" line="44"/>
        <source>A&amp;uth URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/server_dialog.py" line="45"/>
        <source>&amp;CA bundle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/server_dialog.py" line="47"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/server_dialog.py" line="48"/>
        <source>API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/server_dialog.py" line="49"/>
        <source>Auth URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/server_dialog.py" line="52"/>
        <source>CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/server_dialog.py" line="54"/>
        <source>A&amp;dd server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/server_dialog.py" line="58"/>
        <source>Your PHT administrator gives you these addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/server_dialog.py" line="68"/>
        <source>Edit {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/server_dialog.py" line="74"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/server_dialog.py" line="78"/>
        <source>Choose a CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/server_dialog.py" line="78"/>
        <source>Certificates (*.pem *.crt);;All (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <location filename="../gui/context.py" line="58"/>
        <source>Reading your keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/context.py" line="83"/>
        <source>Checking the session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelOutcome</name>
    <message>
        <location filename="../gui/operations.py" line="41"/>
        <source>Cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/operations.py" line="65"/>
        <source>Too late to cancel: {what}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteKeyDialog</name>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="161"/>
        <source>Delete {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="163"/>
        <source>&lt;p&gt;Delete key &lt;b&gt;{name}&lt;/b&gt; ({type})?&lt;/p&gt;&lt;p&gt;Fingerprint {fingerprint}&lt;/p&gt;&lt;p&gt;Its private part is removed {where}. Without a backup, results encrypted for this key can never be read again.&lt;/p&gt;&lt;p&gt;Type the key&apos;s name to confirm:&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="174"/>
        <source>Type {name} to confirm the deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="175"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoSession</name>
    <message>
        <location filename="../gui/demo_session.py" line="44"/>
        <source>Starting the local demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/demo_session.py" line="70"/>
        <source>Signing in to the local demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/demo_session.py" line="89"/>
        <source>Stopping the local demo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportKeyDialog</name>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="92"/>
        <source>Public key, PEM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="93"/>
        <source>Public key, hex PEM (what the central API stores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="94"/>
        <source>Public key, Paillier JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="95"/>
        <source>Private key backup, encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="103"/>
        <source>Export {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="109"/>
        <source>Export to file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="110"/>
        <source>What to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="111"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="112"/>
        <source>Choose the file to export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="115"/>
        <source>the key&apos;s current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="116"/>
        <source>Backup passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="119"/>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="120"/>
        <source>E&amp;xport:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="121"/>
        <source>&amp;To file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="122"/>
        <source>&amp;Key passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="123"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="144"/>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenerateKeyDialog</name>
    <message>
        <location filename="../gui/dialogs/generate_key_dialog.py" line="26"/>
        <source>Generate a key pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/generate_key_dialog.py" line="28"/>
        <source>e.g. my-research-key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/generate_key_dialog.py" line="35"/>
        <source>RSA: for the PHT network (signing trains, receiving results) — the usual choice.
EC: for FLAME node keys only.
Paillier: only if your analysis asks for homomorphically summed results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/generate_key_dialog.py" line="45"/>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/generate_key_dialog.py" line="47"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/generate_key_dialog.py" line="49"/>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/generate_key_dialog.py" line="67"/>
        <source>RSA {size} bits — PHT trains and results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/generate_key_dialog.py" line="69"/>
        <source>EC P-{size} — FLAME only, not for PHT trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/generate_key_dialog.py" line="70"/>
        <source>Paillier {size} bits — homomorphic results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/generate_key_dialog.py" line="83"/>
        <source>A key named “{name}” exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/generate_key_dialog.py" line="88"/>
        <source>RSA keys sign train hashes and receive results on the PHT network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/generate_key_dialog.py" line="90"/>
        <source>Paillier keys decrypt homomorphically summed results (*.he.json).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportKeyDialog</name>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="47"/>
        <source>Import a private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="48"/>
        <source>private.pem, key.pem, private-he.key, a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="49"/>
        <source>optional: public.pem or public-he.key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="52"/>
        <source>only if the file is encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="53"/>
        <source>Protect with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="54"/>
        <source>Key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="55"/>
        <source>Public key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="56"/>
        <source>Name for the imported key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="57"/>
        <source>The key file&apos;s passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="58"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="58"/>
        <source>B&amp;rowse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="59"/>
        <source>Choose the key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="60"/>
        <source>Choose the public key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="64"/>
        <source>&amp;Key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="65"/>
        <source>P&amp;ublic file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="66"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="67"/>
        <source>&amp;File passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="68"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="71"/>
        <source>The imported key is stored under this passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/key_file_dialogs.py" line="80"/>
        <source>Choose a key file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyServerActions</name>
    <message>
        <location filename="../gui/tabs/keys_server.py" line="26"/>
        <source>{state} (as {name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_server.py" line="73"/>
        <source>Checking the server&apos;s keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_server.py" line="83"/>
        <source>Registering {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_server.py" line="89"/>
        <source>A different key is registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_server.py" line="96"/>
        <source>&amp;Replace the server&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_server.py" line="107"/>
        <source>not registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_server.py" line="109"/>
        <source>Unregistering {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeysTab</name>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="27"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="28"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="29"/>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="30"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="31"/>
        <source>Active server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="51"/>
        <source>&amp;Use encrypted key file store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="59"/>
        <location filename="../gui/tabs/keys_tab.py" line="233"/>
        <source>&amp;Back up now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="64"/>
        <source>Your keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="67"/>
        <source>&amp;Generate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="68"/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="69"/>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="70"/>
        <source>&amp;Copy public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="71"/>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="73"/>
        <source>Chec&amp;k server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="74"/>
        <source>&amp;Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="75"/>
        <source>U&amp;nregister</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="123"/>
        <source>{type} (no passphrase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="131"/>
        <source>EC key: FLAME only, cannot be used for PHT trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="138"/>
        <source>{no_backup}: without one, a lost key means its results can never be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="213"/>
        <source>Generating {type} key “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="222"/>
        <source>Created key {name} ({fingerprint}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="224"/>
        <source>Key created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="227"/>
        <source>&lt;p&gt;Key &lt;b&gt;{name}&lt;/b&gt; is ready.&lt;br&gt;Fingerprint {fingerprint}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Next steps:&lt;/b&gt; back up the private key to a safe place (a lost key means results encrypted for it can never be read), then register its public key with the central PHT server.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="234"/>
        <source>&amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="264"/>
        <source>Importing {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="268"/>
        <source>Imported {name} ({fingerprint}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="296"/>
        <source>Backed up {name} to {path}; keep that file somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="309"/>
        <source>the public key was already written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="325"/>
        <source>Exported {name} to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="328"/>
        <source>Exporting {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="335"/>
        <source>Public key of {name} copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="352"/>
        <source>Deleting {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="361"/>
        <source>Deleted key {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="366"/>
        <source>Use the encrypted key file store?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="370"/>
        <source>No OS keyring is usable, so PHT Desktop can keep private keys in an encrypted file in {folder} instead.

Every key then needs a passphrase, and sign-in tokens are not remembered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/keys_tab.py" line="375"/>
        <source>&amp;Use the encrypted file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../gui/main_window.py" line="38"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="39"/>
        <source>Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="40"/>
        <source>Trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="41"/>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="42"/>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="52"/>
        <source>{app} — profile {profile}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="71"/>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="137"/>
        <source>&amp;Add server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="140"/>
        <source>&amp;Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="143"/>
        <source>&amp;Open the Keys tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="145"/>
        <source>&amp;Open the station settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="175"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="176"/>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="179"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="182"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="183"/>
        <source>&amp;Welcome page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="186"/>
        <location filename="../gui/main_window.py" line="190"/>
        <source>Try the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="190"/>
        <source>Stop the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="194"/>
        <source>&amp;About PHT Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="202"/>
        <source>Profile {profile} · private keys are kept {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="206"/>
        <source>Profile {profile} · no key storage available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="212"/>
        <source>&lt;p&gt;The desktop companion of the Personal Health Train: keys, train signing, result decryption and the station runner.&lt;/p&gt;&lt;p&gt;Profile: &lt;b&gt;{profile}&lt;/b&gt;&lt;br&gt;Settings: {settings}&lt;br&gt;Data: {data}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="219"/>
        <source>About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="250"/>
        <source>A job is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="252"/>
        <source>Still running:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="253"/>
        <source>Stop it and quit? Partial downloads and decryptions are removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="254"/>
        <source>&amp;Stop and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="255"/>
        <source>&amp;Keep the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="267"/>
        <source>Stopping the running jobs…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperationBar</name>
    <message>
        <location filename="../gui/operations.py" line="296"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/operations.py" line="297"/>
        <location filename="../gui/operations.py" line="325"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/operations.py" line="298"/>
        <source>Cancel the running job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/operations.py" line="325"/>
        <location filename="../gui/operations.py" line="332"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/operations.py" line="343"/>
        <source>{done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <location filename="../gui/widgets/passphrase_fields.py" line="18"/>
        <source>Very weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/passphrase_fields.py" line="19"/>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/passphrase_fields.py" line="20"/>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/passphrase_fields.py" line="21"/>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/passphrase_fields.py" line="22"/>
        <source>Very strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/passphrase_fields.py" line="46"/>
        <source>{label}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/passphrase_fields.py" line="46"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/passphrase_fields.py" line="47"/>
        <source>Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/passphrase_fields.py" line="48"/>
        <source>Strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/passphrase_fields.py" line="72"/>
        <source>A passphrase protects the key if someone copies your keyring or the backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/passphrase_fields.py" line="76"/>
        <source>{verdict} ({score} of {max}): it would be guessed {within} by someone holding a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/passphrase_fields.py" line="86"/>
        <source>At least {min} of {max} is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/passphrase_fields.py" line="89"/>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="38"/>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="41"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="44"/>
        <source>(the first RSA key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="49"/>
        <source>&amp;Default key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="51"/>
        <source>Private keys are kept {where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="54"/>
        <source>Stored:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="56"/>
        <source>Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="57"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="57"/>
        <source>API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="57"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="58"/>
        <source>Server profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="60"/>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="61"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="62"/>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="63"/>
        <source>&amp;Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="76"/>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="80"/>
        <source>found automatically (DOCKER_HOST, Docker or Podman)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="82"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="83"/>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="83"/>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="85"/>
        <source>E&amp;ngine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="86"/>
        <source>&amp;Time limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="87"/>
        <source>&amp;Memory limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="107"/>
        <source>local demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="107"/>
        <source>PHT central</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="108"/>
        <source>{name} (active)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="142"/>
        <source>Remove server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="145"/>
        <source>Remove the server profile {name}? Your keys stay; you can add the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/dialogs/preferences_dialog.py" line="147"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryNotices</name>
    <message>
        <location filename="../gui/recovery_notice.py" line="31"/>
        <source>Some saved state could not be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <location filename="../gui/widgets/result_view.py" line="42"/>
        <source>Decryption outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/result_view.py" line="44"/>
        <source>Verification checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/result_view.py" line="47"/>
        <source>Decrypted files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/result_view.py" line="48"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/result_view.py" line="48"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/result_view.py" line="55"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/result_view.py" line="57"/>
        <source>Select a small text, CSV or JSON file to preview it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/result_view.py" line="58"/>
        <source>Open fo&amp;lder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/result_view.py" line="86"/>
        <source>Not decrypted. {message}
Nothing was written to the output folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/result_view.py" line="103"/>
        <source>Station keys as the archive states them: {keys}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/result_view.py" line="111"/>
        <source>UNVERIFIED: decrypted with verification skipped; the checks below were not enforced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/result_view.py" line="116"/>
        <source>Verified: every check held (signed by {stations}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/widgets/result_view.py" line="117"/>
        <source>%n file(s) in {folder}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/widgets/result_view.py" line="125"/>
        <source>{size} bytes · SHA-256 {sha256}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/result_view.py" line="136"/>
        <source>Reading {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/result_view.py" line="147"/>
        <source>No preview for {suffix} files; use Open folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/result_view.py" line="150"/>
        <source>No preview for this kind of file; use Open folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/result_view.py" line="153"/>
        <source>{file} is larger than {size}; use Open folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/result_view.py" line="158"/>
        <source>Cannot read {file}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsTab</name>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="47"/>
        <source>&amp;Open archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="49"/>
        <source>Drop a result archive (.tar) on the window, or open one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="52"/>
        <source>About the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="56"/>
        <location filename="../gui/tabs/results_tab.py" line="116"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="57"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="58"/>
        <source>Choose the output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="61"/>
        <source>Key passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="63"/>
        <source>Paillier key passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="64"/>
        <source>&amp;Write into a folder that is not empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="65"/>
        <source>S&amp;kip verification (old trains without result signatures)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="66"/>
        <source>&amp;Decrypt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="78"/>
        <source>Archive:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="80"/>
        <source>Output folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="81"/>
        <source>Key &amp;passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="82"/>
        <source>P&amp;aillier key passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="110"/>
        <source>Open a result archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="110"/>
        <source>Result archives (*.tar *.tar.gz *.tgz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="129"/>
        <source>Not opening {file}: finish or cancel the running decryption first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="136"/>
        <source>Reading {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="155"/>
        <source>{file}: not read (cancelled).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="159"/>
        <source>Reading {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="171"/>
        <source>{file} · train {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="171"/>
        <source>(no id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/tabs/results_tab.py" line="172"/>
        <source>%n file(s), {size}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="173"/>
        <source>Signed by {stations} (route: {route})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="174"/>
        <source>no station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="176"/>
        <source>Encrypted for {fingerprint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="179"/>
        <source>not found (they stay encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="180"/>
        <source>Paillier results: key {key}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="184"/>
        <source>Your key {name} fits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="188"/>
        <source>No key storage is available, so no key can open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="190"/>
        <source>None of your keys fits; import the right one in the Keys tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/results_tab.py" line="235"/>
        <source>Decrypting {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/tabs/results_tab.py" line="246"/>
        <source>Decrypted %n file(s) into {folder}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInBox</name>
    <message>
        <location filename="../gui/widgets/sign_in_box.py" line="16"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/sign_in_box.py" line="18"/>
        <source>User (password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/sign_in_box.py" line="19"/>
        <source>Robot (id and secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/sign_in_box.py" line="22"/>
        <source>Remem&amp;ber the password in the OS keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/sign_in_box.py" line="24"/>
        <source>Sign &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/sign_in_box.py" line="26"/>
        <source>As:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/sign_in_box.py" line="27"/>
        <location filename="../gui/widgets/sign_in_box.py" line="45"/>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/sign_in_box.py" line="28"/>
        <location filename="../gui/widgets/sign_in_box.py" line="46"/>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/sign_in_box.py" line="36"/>
        <source>Sign in as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/sign_in_box.py" line="37"/>
        <source>Username or robot id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/sign_in_box.py" line="38"/>
        <source>Password or robot secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/sign_in_box.py" line="45"/>
        <source>Robot i&amp;d:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/sign_in_box.py" line="46"/>
        <source>Secre&amp;t:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignTab</name>
    <message>
        <location filename="../gui/tabs/sign_tab.py" line="35"/>
        <source>Paste the train hash shown by the central server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/sign_tab.py" line="39"/>
        <source>Train hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/sign_tab.py" line="42"/>
        <source>Signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/sign_tab.py" line="45"/>
        <source>Key passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/sign_tab.py" line="46"/>
        <source>&amp;Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/sign_tab.py" line="49"/>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/sign_tab.py" line="50"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/sign_tab.py" line="51"/>
        <source>Copy the signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/sign_tab.py" line="57"/>
        <source>&amp;Train hash:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/sign_tab.py" line="59"/>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/sign_tab.py" line="61"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/sign_tab.py" line="65"/>
        <source>Signature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/sign_tab.py" line="92"/>
        <source>Paillier keys cannot sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/sign_tab.py" line="97"/>
        <source>No RSA key in this profile: generate or import one in the Keys tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/sign_tab.py" line="113"/>
        <source>✓ a 64-byte SHA-512 hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/sign_tab.py" line="139"/>
        <source>Signed with {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/sign_tab.py" line="141"/>
        <source>Signing with {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/sign_tab.py" line="146"/>
        <source>Signature copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationTab</name>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="48"/>
        <source>Cancelled at its {step} step: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="49"/>
        <source>Failed at its {step} step: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="50"/>
        <source>Cancelled: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="51"/>
        <source>Failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="63"/>
        <source>found automatically (DOCKER_HOST, Docker or Podman sockets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="65"/>
        <source>folders separated by &apos;;&apos;, mounted read-only at /opt/train_data/NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="67"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="68"/>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="68"/>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="69"/>
        <source>Sa&amp;ve settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="71"/>
        <source>Station settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="73"/>
        <source>Station &amp;id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="74"/>
        <source>Station &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="75"/>
        <source>E&amp;ngine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="76"/>
        <source>&amp;Data folders:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="77"/>
        <source>&amp;Time limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="78"/>
        <source>&amp;Memory limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="83"/>
        <source>&amp;Push the processed train back to the registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="85"/>
        <source>&amp;Run train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="91"/>
        <source>Run a train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="93"/>
        <source>Ima&amp;ge:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="94"/>
        <source>Key pa&amp;ssphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="104"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="104"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="104"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="104"/>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="104"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="109"/>
        <source>Is this computer ready to run trains?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="111"/>
        <source>Not checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="113"/>
        <source>Station environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="114"/>
        <source>Check &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="124"/>
        <source>Steps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="129"/>
        <source>Log:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="131"/>
        <source>History:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="146"/>
        <source>Station id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="147"/>
        <source>Station key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="148"/>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="149"/>
        <source>Data folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="150"/>
        <source>Time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="151"/>
        <source>Memory limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="152"/>
        <source>Train image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="153"/>
        <source>Key passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="154"/>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="155"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="156"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="176"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="179"/>
        <source>Checking the station&apos;s environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="233"/>
        <source>the station settings were already saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="245"/>
        <source>Data folders that do not exist: {folders}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="248"/>
        <source>Station settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="251"/>
        <source>Saving the station settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="309"/>
        <source>Running {image}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="331"/>
        <source>Run {run} succeeded: the train was processed and pushed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="333"/>
        <source>Run {run} succeeded: the train was processed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="347"/>
        <source>Reading the run history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="357"/>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="357"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="357"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="370"/>
        <source>Reading the log of run {run}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="380"/>
        <source>(the train never ran)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/station_tab.py" line="382"/>
        <source>The log of run {run} cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainReviewBox</name>
    <message>
        <location filename="../gui/widgets/train_review_box.py" line="19"/>
        <source>Review and sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/train_review_box.py" line="25"/>
        <source>The train&apos;s files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/train_review_box.py" line="32"/>
        <source>Signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/train_review_box.py" line="34"/>
        <source>Key passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/train_review_box.py" line="35"/>
        <source>Sign and s&amp;ubmit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/train_review_box.py" line="37"/>
        <source>Files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/train_review_box.py" line="38"/>
        <source>Hashes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/train_review_box.py" line="40"/>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/train_review_box.py" line="41"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/train_review_box.py" line="56"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/train_review_box.py" line="58"/>
        <source>server:     {server}…
recomputed: {computed}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/train_review_box.py" line="63"/>
        <source>The train&apos;s files hash to exactly what the server shows: you may sign it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/train_review_box.py" line="66"/>
        <source>the files do not hash to what the server shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/train_review_box.py" line="67"/>
        <source>Do not sign: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainsTab</name>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="38"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="39"/>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="40"/>
        <source>Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="41"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="42"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="43"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="58"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="60"/>
        <source>&amp;Add server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="64"/>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="71"/>
        <source>No server yet. Add the PHT server your administrator gave you, or try the demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="75"/>
        <source>Add your PHT ser&amp;ver…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="77"/>
        <source>Try the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="86"/>
        <source>About the local demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="87"/>
        <source>Stop the de&amp;mo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="95"/>
        <source>Show trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="96"/>
        <source>All trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="98"/>
        <source>Result {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="100"/>
        <source>R&amp;efresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="103"/>
        <source>Your trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="105"/>
        <source>&amp;Review and sign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="107"/>
        <source>Dow&amp;nload…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="109"/>
        <source>Download and de&amp;crypt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="116"/>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="184"/>
        <source>LOCAL DEMO — not a real PHT server; nothing leaves this computer. Signed in as {user} (password {password}). Try: 1. Keys tab → Register your key. 2. Here: select the train waiting for your signature → Review and sign. 3. Select the finished train → Download and decrypt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="224"/>
        <source>Checking the session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="226"/>
        <source>Signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="226"/>
        <source>Not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="286"/>
        <source>the sign-in had already been sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="292"/>
        <source>Signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="297"/>
        <source>Signing out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="305"/>
        <source>Loading trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="335"/>
        <source>Downloading and hashing the files of {train}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="355"/>
        <source>the signature for {train} was already being submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="365"/>
        <source>Signed {train} with {key}; the signature was submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="371"/>
        <source>Signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="379"/>
        <source>Save the result archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="386"/>
        <source>Downloaded the results of {train} to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="392"/>
        <source>Downloading the results of {train}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/trains_tab.py" line="406"/>
        <source>the session was already being removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnexpectedError</name>
    <message>
        <location filename="../gui/operations.py" line="49"/>
        <source>An unexpected error stopped “{label}”: {error}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeTab</name>
    <message numerus="yes">
        <location filename="../gui/tabs/welcome_tab.py" line="30"/>
        <source>{names} has no backup yet</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="68"/>
        <source>Welcome to PHT Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="72"/>
        <source>Analyses (trains) travel to the hospitals; their results come back encrypted for your key. Three steps get you ready:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="77"/>
        <source>Create your key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="79"/>
        <source>&amp;Create a key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="79"/>
        <source>Create a key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="82"/>
        <source>&amp;Import a key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="82"/>
        <source>Import a key, also from the old PHT desktop app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="84"/>
        <source>Back it up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="86"/>
        <source>&amp;Back up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="86"/>
        <source>Back up your key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="88"/>
        <source>Connect to your PHT server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="90"/>
        <source>Add your PHT &amp;server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="90"/>
        <source>Add your PHT server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="92"/>
        <source>Try the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="92"/>
        <source>Try the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="112"/>
        <source>Your keys: {names}. Create or import more in the Keys tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="118"/>
        <source>Your key pair receives results and signs trains. Create one, or import the one you already have (the old PHT desktop app&apos;s files work too).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="125"/>
        <source>Once you have a key, keep an encrypted backup of it in a safe place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="131"/>
        <source>{no_backup}. A lost key means results encrypted for it can never be read: write an encrypted backup file and keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="136"/>
        <source>Every key has an encrypted backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="141"/>
        <source>Signed in to {server}. Your trains are in the Trains tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="145"/>
        <source>Server {server} is set up; sign in in the Trains tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/welcome_tab.py" line="151"/>
        <source>Add the server your PHT administrator gave you, or try every step first on a local demo (nothing leaves this computer).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../gui/app.py" line="71"/>
        <source>An unexpected error ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/app.py" line="75"/>
        <source>PHT Desktop could not start: {sentence}
The details are in the log file {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>remedies</name>
    <message>
        <location filename="../gui/remedies.py" line="13"/>
        <source>Choose another output folder, or tick “Write into a folder that is not empty”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/remedies.py" line="16"/>
        <source>Sign in again in the Trains tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/remedies.py" line="17"/>
        <source>Add your PHT server in the Trains tab (Add server…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/remedies.py" line="18"/>
        <source>Start and unlock your system&apos;s password manager, then open the Keys tab again; or use the encrypted key file store (Keys tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/remedies.py" line="23"/>
        <source>Start Docker or Podman, or set the engine in the Station tab&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/remedies.py" line="26"/>
        <source>Replace the server&apos;s key only if you are sure it is no longer used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/remedies.py" line="29"/>
        <source>Type the key&apos;s passphrase and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/remedies.py" line="30"/>
        <source>Choose the key&apos;s public file (public-he.key) as well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/remedies.py" line="31"/>
        <source>If your network inspects TLS, give its CA certificate in the server&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/remedies.py" line="34"/>
        <source>For an old train without result signatures, tick “Skip verification”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/remedies.py" line="37"/>
        <source>Choose a longer passphrase, such as several unrelated words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/remedies.py" line="40"/>
        <source>Use the server&apos;s https:// address; plain http is accepted only for a server on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unexpected</name>
    <message>
        <location filename="../gui/unexpected.py" line="42"/>
        <source>The details are in the log file {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/unexpected.py" line="46"/>
        <source>The details can be copied below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/unexpected.py" line="49"/>
        <source>PHT Desktop goes on; nothing else was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/unexpected.py" line="51"/>
        <source>&amp;Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/unexpected.py" line="52"/>
        <source>Copy the error details to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/unexpected.py" line="72"/>
        <source>An unexpected error happened ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
