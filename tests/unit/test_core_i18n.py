"""The core's sentences in German and English (#11 §4): the catalogue is complete, a real core
error comes out in the language chosen, and the CLI stays English whatever the locale says.

The compiled catalogue (.mo) is a build product (`make translations`); a test run that starts
without it, or with one older than the .po, compiles it first, as `make test` would.
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxcvbn.feedback
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from desktop_app.core import i18n, state_files
from desktop_app.core.errors import PHTError, UsageError
from desktop_app.core.keys import envelope
from desktop_app.core.keys.material import generate_key
from desktop_app.core.keys.passphrase_strength import WeakPassphrase, require_strong_passphrase
from desktop_app.core.keys.passphrase_words import FEEDBACK, crack_time_words
from desktop_app.core.keys.types import KeyType
from desktop_app.core.keystore.errors import KeyNotFound
from desktop_app.core.keystore.store import ENCRYPTED_FILE, KeyStore, set_storage
from desktop_app.core.paths import AppPaths
from desktop_app.core.protocol.train_config import TrainConfig, TrainConfigError
from desktop_app.core.settings import Settings
from tests.helpers.cli import run_cli

CORE = Path(i18n.__file__).resolve().parent
PO = i18n.LOCALE_DIR / "de" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
MO = PO.with_suffix(".mo")


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogue() -> None:
    if not MO.exists() or MO.stat().st_mtime < PO.stat().st_mtime:
        with PO.open("rb") as source:
            catalog = read_po(source, locale="de")
        with MO.open("wb") as target:
            write_mo(target, catalog)


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """Whatever a test chooses, the next one starts in English, as the CLI and other tests expect."""
    yield
    i18n.use_language("en")


def _german_catalogue():
    with PO.open("rb") as source:
        return read_po(source, locale="de")


def _placeholders(text: str) -> list[str]:
    """`{name!r:.40}` and its kind, as str.format reads them; the translation must keep each one."""
    return sorted(
        "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
        for _literal, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    )


def _code_messages() -> list[str | tuple[str, ...]]:
    """Every sentence marked in the core's code (`_`, `N_`, `ngettext`), as the extractor finds it."""
    found = []
    for _file, _line, message, _comments, _context in extract_from_dir(str(CORE), [("**.py", "python")]):
        found.append(message)
    return found


# -- the catalogue ------------------------------------------------------------------------------


def test_every_sentence_of_the_core_has_a_german_translation_with_the_same_placeholders() -> None:
    catalogue = _german_catalogue()
    messages = _code_messages()
    assert len(messages) > 400  # the extractor found the core's sentences, not an empty folder
    problems = []
    for message in messages:
        entry = catalogue.get(message)
        forms = message if isinstance(message, tuple) else (message,)
        translations = entry.string if entry is not None else None
        translations = translations if isinstance(translations, tuple) else (translations,)
        if entry is None or not all(translations) or entry.fuzzy:
            problems.append(f"not translated: {forms[0]!r}")
            continue
        for translation in translations:
            if _placeholders(translation) != _placeholders(forms[0]):
                problems.append(f"placeholders differ: {forms[0]!r} → {translation!r}")
    assert not problems, "run `scripts/build_translations.py --update` and translate:\n" + "\n".join(problems)


def test_the_template_holds_what_the_code_marks() -> None:
    with (i18n.LOCALE_DIR / f"{i18n.DOMAIN}.pot").open("rb") as source:
        template = read_po(source)
    missing = [m for m in _code_messages() if template.get(m) is None]
    assert not missing, f"the .pot is stale; run `scripts/build_translations.py --update`: {missing[:5]}"


def test_the_extractor_sees_every_marked_sentence() -> None:
    """Babel does not extract a mark nested inside another call's arguments (`_(d.get(k, N_("…")))`):
    such a sentence would be missing from the catalogue and shown in English. Mark it on its own."""
    extracted = {m if isinstance(m, str) else m[0] for m in _code_messages()}
    marked = set()
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_", "ngettext")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                marked.add(node.args[0].value)
    assert marked <= extracted, sorted(marked - extracted)


def test_each_formatted_sentence_is_given_exactly_the_placeholders_it_names() -> None:
    """`_("… {name} …").format(name=…)`: a name missing from format() would raise KeyError in every
    language; one too many means a placeholder was renamed in the sentence and not in the call."""
    wrong = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"):
                continue
            inner = node.func.value
            if not (isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and inner.func.id == "_"):
                continue
            if not (inner.args and isinstance(inner.args[0], ast.Constant)):
                continue
            named = {p.strip("{}").split("!")[0].split(":")[0] for p in _placeholders(inner.args[0].value)}
            given = {keyword.arg for keyword in node.keywords}
            if named != given:
                wrong.append(f"{path.relative_to(CORE)}:{node.lineno}: names {sorted(named)}, given {sorted(given)}")
    assert not wrong, "\n".join(wrong)


def _eager_calls(node: ast.AST) -> Iterator[ast.Call]:
    """Calls of `_`/`ngettext` that run when `node` runs (not those inside a function or lambda)."""
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
        return
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
        yield node
    for child in ast.iter_child_nodes(node):
        yield from _eager_calls(child)


def test_no_sentence_is_translated_at_import_time() -> None:
    """A module constant, class attribute or default argument made with `_()` would be translated
    once, at import, in English, and stay so: such constants are `N_()`, and `_()` goes where shown."""
    eager = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for statement in ast.walk(tree):
            if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
                defaults = [d for d in (*statement.args.defaults, *statement.args.kw_defaults) if d is not None]
                eager += [(path, call.lineno) for default in defaults for call in _eager_calls(default)]
        for statement in tree.body:
            parts = statement.body if isinstance(statement, ast.ClassDef) else [statement]
            eager += [(path, call.lineno) for part in parts for call in _eager_calls(part)]
    assert not eager, [f"{path.relative_to(CORE)}:{line}" for path, line in eager]


# Raised with words no user sees: Python's own exceptions (caught and reworded), and the push
# client's "let the engine push" signal, which goes only to the log.
UNSHOWN_ERRORS = {"AssertionError", "KeyError", "OSError", "RuntimeError", "TypeError", "ValueError", "PushUnsupported"}


def test_every_error_the_core_raises_is_a_marked_sentence() -> None:
    """`raise StationError(f"…")` would show English in the German window (it did, for a push the
    registry refused): an error's words are `_()`, or composed of parts that are."""
    bare = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args):
                continue
            function = node.exc.func
            name = function.id if isinstance(function, ast.Name) else getattr(function, "attr", "")
            first = node.exc.args[0]
            words = isinstance(first, ast.JoinedStr) and any(
                isinstance(part, ast.Constant) and any(c.isalpha() for c in part.value) for part in first.values
            )
            words = words or (isinstance(first, ast.Constant) and isinstance(first.value, str))
            if words and name not in UNSHOWN_ERRORS:
                bare.append(f"{path.relative_to(CORE)}:{node.lineno}: {name}({ast.unparse(first)[:60]})")
    assert not bare, "\n".join(bare)


def test_no_module_that_translates_also_names_a_variable_underscore() -> None:
    """`scheme, _, rest = header.partition(" ")` in a function that later says `_("…")` calls a
    string: a TypeError traceback instead of a sentence, and only on the path that fails."""
    shadowing = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text())
        if not any(
            isinstance(node, ast.ImportFrom) and any(alias.name == "_" for alias in node.names)
            for node in ast.walk(tree)
        ):
            continue
        for node in ast.walk(tree):
            stored = isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store)
            if stored or (isinstance(node, ast.arg) and node.arg == "_"):
                shadowing.append(f"{path.relative_to(CORE)}:{node.lineno}")
    assert not shadowing, shadowing


# -- the language chosen ------------------------------------------------------------------------


def _message(action) -> str:
    with pytest.raises(PHTError) as caught:
        action()
    return caught.value.message


def test_a_bad_train_config_is_said_in_german_and_back_in_english() -> None:
    def parse() -> None:
        TrainConfig.from_json_bytes(b"[1, 2]")

    i18n.use_language("de")
    assert i18n.language() == "de"
    with pytest.raises(TrainConfigError, match=r"^train_config\.json ist kein JSON-Objekt\.$"):
        parse()
    i18n.use_language("en")
    with pytest.raises(TrainConfigError, match=r"^train_config\.json is not a JSON object\.$"):
        parse()


def test_the_key_store_speaks_german_a_missing_key_a_wrong_passphrase_and_where_keys_go(pht_home: Path) -> None:
    paths = AppPaths.for_profile()
    settings = Settings(paths)
    set_storage(settings, ENCRYPTED_FILE)  # the encrypted key file: no keyring needed for this
    store = KeyStore.open(paths, settings)
    store.add("lab-key", generate_key(KeyType.RSA_2048), "correct horse battery staple")

    i18n.use_language("de")
    assert _message(lambda: store.get("nope")) == (
        "In diesem Profil gibt es keinen Schlüssel namens 'nope' (Schlüssel: lab-key)."
    )
    with pytest.raises(envelope.WrongPassphrase, match=r"^Die Passphrase ist falsch; es wurde nichts geändert\.$"):
        store.load_material("lab-key", "wrong passphrase")
    assert store.where.startswith("in der verschlüsselten Schlüsseldatei ")

    i18n.use_language("en")
    with pytest.raises(KeyNotFound, match=r"^There is no key named 'nope' in this profile \(keys: lab-key\)\.$"):
        store.get("nope")
    assert store.where.startswith("in the encrypted key file ")
    # The key itself was never touched by the failed attempts.
    assert store.load_material("lab-key", "correct horse battery staple").key_type == KeyType.RSA_2048


def test_a_recovery_notice_in_german_still_tells_unreadable_from_damaged(tmp_path: Path) -> None:
    """The notice chooses "could not be read" from the reason's words: German reasons must work too."""
    i18n.use_language("de")
    folder_in_place = tmp_path / "settings.json"
    folder_in_place.mkdir()
    damaged = tmp_path / "keys.json"
    damaged.write_text("{not json")
    notices = []
    for path in (folder_in_place, damaged):
        with pytest.raises(state_files.DamagedState) as caught:
            state_files.read_json(path)
        recovery = state_files.move_aside(path, caught.value.reason)
        assert recovery is not None
        notices.append(recovery.sentence)
    assert notices[0].startswith("settings.json konnte nicht gelesen werden (an ihrer Stelle liegt ein Ordner)")
    assert notices[0].endswith("es werden die Standardwerte verwendet.")
    assert notices[1].startswith("keys.json war beschädigt (kein gültiges JSON)")


def test_an_unknown_language_falls_back_to_english() -> None:
    i18n.use_language("fr")
    assert i18n.language() == "en"
    assert i18n._("The passphrase is empty.") == "The passphrase is empty."


def test_counted_sentences_in_german() -> None:
    i18n.use_language("de")
    assert i18n.ngettext("{count} key", "{count} keys", 1).format(count=1) == "1 Schlüssel"
    assert i18n.ngettext("{count} key", "{count} keys", 3).format(count=3) == "3 Schlüssel"
    i18n.use_language("en")
    assert i18n.ngettext("{count} key", "{count} keys", 3).format(count=3) == "3 keys"


def test_a_weak_passphrase_is_explained_in_german_with_zxcvbns_advice_translated() -> None:
    i18n.use_language("de")
    with pytest.raises(WeakPassphrase) as caught:
        require_strong_passphrase("password")
    assert caught.value.message == (
        "Diese Passphrase ist zu schwach: Sie erreicht 0 von 4 Punkten, nötig sind mindestens 3; wer eine "
        "Kopie des Schlüssels hat, könnte sie in weniger als einer Sekunde erraten. Dies ist eines der 10 "
        "häufigsten Passwörter. Fügen Sie ein oder zwei weitere Wörter hinzu. Ungewöhnliche Wörter sind besser."
    )
    assert crack_time_words("1 day") == "1 Tag"
    assert crack_time_words("5 days") == "5 Tagen"
    assert crack_time_words("centuries") == "Jahrhunderten"
    i18n.use_language("en")
    assert crack_time_words("5 days") == "5 days"


def test_every_sentence_the_installed_zxcvbn_can_give_is_in_the_catalogue() -> None:
    """zxcvbn's feedback is English text of the library; a new zxcvbn with a new sentence must not
    slip through untranslated."""
    tree = ast.parse(Path(zxcvbn.feedback.__file__).read_text())
    sentences = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "_"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    assert len(sentences) > 20
    assert sentences <= set(FEEDBACK), sorted(sentences - set(FEEDBACK))


# -- the CLI --------------------------------------------------------------------------------------


def test_the_cli_stays_english_under_a_german_locale() -> None:
    german_env = {"LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8", "LC_MESSAGES": "de_DE.UTF-8", "LANGUAGE": "de"}
    result = run_cli("server", "use", "nope", env=german_env)
    assert result.returncode == UsageError.exit_code
    assert "There is no server profile 'nope' (profiles: none)." in result.stderr
    # The same sentence exists in German, so English here is the CLI's choice, not a gap.
    i18n.use_language("de")
    german = i18n._("There is no server profile {name!r} (profiles: {known}).")
    assert german.startswith("Es gibt kein Serverprofil")
    assert "Es gibt kein Serverprofil" not in result.stderr + result.stdout
