"""JupyterLab in the learner's language: `python3 course.py lab --lang es|zh|fr`, in a real browser.

For each language the test starts JupyterLab with the very command course.py builds
(``course.lab_command``) plus what a test needs (no browser of its own, 127.0.0.1, a free port,
a token), opens it in headless Chromium and checks that the menu bar is in that language, as
the installed language pack translates it (the File menu: "Archivo", "Fichier", "文件"), that
the file browser opens in that language's lessons (notebooks/<lang>; English: notebooks/), and
that a lesson opened from there shows its figures. The launches share one course settings
folder (in a temporary directory), in the order es, fr, zh, en: each must bring its own
language, and English must come back. Screenshots: artifacts/lab_<lang>.png and
artifacts/lab_<lang>_file_menu.png.

Browser, driver and skipping as in tests/test_browser.py, whose helpers it uses.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import json
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest
from course_rules import pins
from test_browser import (  # noqa: F401 - browser is a fixture
    ARTIFACTS,
    browser,
    free_port,
    quiet_lab_settings,
    require_browser,
    stop_server,
    wait_for_server,
)

from shared import i18n

ROOT = Path(__file__).resolve().parent.parent
MENUS = ("File", "Edit", "View", "Run", "Kernel", "Tabs", "Settings", "Help")  # JupyterLab's menu bar
LESSON = "01_linear_baseline.ipynb"


def load_course():
    """course.py as a module (it lives at the top of the repository, outside the import path)."""
    spec = importlib.util.spec_from_file_location("course", ROOT / "course.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


course = load_course()


def menu_label(lang: str, english: str) -> str:
    """A menu's label as JupyterLab shows it in ``lang``: the installed language pack's translation
    (message context "menu"), English where the pack has none."""
    locale = course.LAB_LOCALES[lang]
    if lang == "en":
        return english
    packs = {ep.name: ep.value for ep in importlib.metadata.entry_points(group="jupyterlab.languagepack")}
    assert locale in packs, f"the language pack for {locale} is not installed (requirements.txt)"
    folder = Path(importlib.import_module(packs[locale]).__file__).parent / "locale" / locale / "LC_MESSAGES"
    messages = json.loads((folder / "jupyterlab.json").read_text(encoding="utf-8"))
    return messages.get(f"menu\x04{english}", [english])[0]


# --- without a browser ------------------------------------------------------------------------

def test_lab_languages_are_the_course_languages():
    assert tuple(course.LAB_LOCALES) == i18n.LANGUAGES


def test_every_lab_language_has_its_pinned_language_pack():
    pinned = pins(ROOT / "requirements.txt")
    for lang, locale in course.LAB_LOCALES.items():
        if lang != "en":
            assert f"jupyterlab-language-pack-{locale.replace('_', '-').lower()}" in pinned
            assert menu_label(lang, "File") != "File", f"the {locale} pack does not translate the File menu"


def test_lang_is_taken_out_of_the_arguments_and_checked():
    assert course.lab_language([]) == ("en", [])
    assert course.lab_language(["--lang", "zh", "--port", "8890"]) == ("zh", ["--port", "8890"])
    assert course.lab_language(["--port=8890", "--lang=fr"]) == ("fr", ["--port=8890"])


def test_an_unknown_language_is_refused_with_the_valid_ones(capsys):
    with pytest.raises(SystemExit) as stopped:
        course.main(["lab", "--lang", "de"])  # before any setup: nothing is installed or started
    assert stopped.value.code != 0
    error = capsys.readouterr().err
    assert "--lang" in error and "'de'" in error
    assert all(lang in error.split("choose from")[1] for lang in i18n.LANGUAGES), error
    with pytest.raises(ValueError, match="en, es, zh, fr"):
        course.lab_command(Path(sys.executable), "de", [], Path("/nonexistent"))


def test_each_launch_sets_its_own_language_in_the_course_settings_only(tmp_path):
    setting = tmp_path / "settings" / "@jupyterlab" / "translation-extension" / "plugin.jupyterlab-settings"
    for lang, locale in [("zh", "zh_CN"), ("fr", "fr_FR"), ("en", "en")]:
        command = course.lab_command(Path(sys.executable), lang, ["--port=8890"], tmp_path)
        assert f'"locale": "{locale}"' in setting.read_text(encoding="utf-8")
        assert f"--LabApp.user_settings_dir={tmp_path / 'settings'}" in command
        assert command[-1] == "--port=8890"  # the learner's own arguments come last, so they win
    assert course.LAB_STATE.is_relative_to(course.ROOT), "the course's JupyterLab state lives in the course folder"


# --- in the browser -------------------------------------------------------------------------

# Runs in the page: the menu bar, the file browser's folder and listing, the page's language.
PAGE_STATE = """
return {
  menus: [...document.querySelectorAll(".lm-MenuBar-item .lm-MenuBar-itemLabel")].map((e) => e.textContent),
  folder: [...document.querySelectorAll(".jp-FileBrowser-crumbs .jp-BreadCrumbs-item")]
            .map((e) => e.dataset.path).pop(),
  files: [...document.querySelectorAll(".jp-DirListing-content .jp-DirListing-itemText")].map((e) => e.textContent),
  lang: document.documentElement.lang,
};
"""

# Runs in the page: waits until JupyterLab has restored its layout (the file browser is then stable).
RESTORED = """
const done = arguments[arguments.length - 1];
window.jupyterapp.restored.then(() => done("restored"), (error) => done("error: " + error));
"""

# Runs in the page: the figures of the open lesson (markdown images), loaded or not.
FIGURES = """
const panel = window.jupyterapp.shell.currentWidget;
if (!panel || !panel.node.querySelector(".jp-Notebook")) return null;
return [...panel.node.querySelectorAll(".jp-RenderedMarkdown img")]
  .filter((img) => img.src.startsWith(location.origin))  // not the Colab badge, from the internet
  .map((img) => ({src: img.src, loaded: img.complete && img.naturalWidth > 0}));
"""


@pytest.fixture(scope="module")
def lab_state(tmp_path_factory):
    """One course settings folder for every language, as course.py keeps one: each launch must
    bring its own language, whichever ran before (the tests run es, fr, zh, then en)."""
    state = tmp_path_factory.mktemp("course-jupyterlab")
    settings = quiet_lab_settings(state)  # state/settings: no news prompt in the screenshots
    autosave = settings / "@jupyterlab" / "docmanager-extension" / "plugin.jupyterlab-settings"
    autosave.parent.mkdir(parents=True)
    autosave.write_text(json.dumps({"autosave": False}))  # the test opens real lessons: never save them
    return state


@pytest.fixture
def lab_in(tmp_path, lab_state):
    """Start JupyterLab as `course.py lab --lang <lang>` does; yields a function lang -> (URL, token)."""
    servers = []

    def start(lang: str) -> tuple[str, str]:
        require_browser()
        port, token = free_port(), secrets.token_hex(16)
        command = course.lab_command(Path(sys.executable), lang, [
            "--no-browser", "--ServerApp.open_browser=False", "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
            "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"], lab_state)
        env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "config"), JUPYTER_DATA_DIR=str(tmp_path / "data"),
                   JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), IPYTHONDIR=str(tmp_path / "ipython"),
                   TF_CPP_MIN_LOG_LEVEL="3")
        log_path = tmp_path / "lab.log"
        log = log_path.open("w")
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)  # course.py runs it from the course folder too
        servers.append((server, log))
        base = f"http://127.0.0.1:{port}"
        wait_for_server(base, token, server, log_path)
        return base, token

    yield start
    for server, log in servers:
        stop_server(server, log)


def wait_until(driver, script: str, condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        state = driver.execute_script(script)
        if condition(state):
            return state
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}; the page shows {state}")


def open_from_file_browser(driver, name: str, timeout: float = 20) -> None:
    """Double-click ``name`` in the file browser (retried while JupyterLab redraws the listing)."""
    from selenium.common.exceptions import ElementNotInteractableException, StaleElementReferenceException
    from selenium.webdriver.common.action_chains import ActionChains

    deadline = time.monotonic() + timeout
    while True:
        item = driver.execute_script("""return [...document.querySelectorAll(".jp-DirListing-item")]
            .find((e) => e.querySelector(".jp-DirListing-itemText").textContent === arguments[0]);""", name)
        try:
            ActionChains(driver).double_click(item).perform()
            return
        except (ElementNotInteractableException, StaleElementReferenceException):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.mark.parametrize("language", ["es", "fr", "zh", "en"])
def test_lab_opens_in_the_language_on_its_lessons(language, lab_in, browser):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base, token = lab_in(language)
    folder = "notebooks" if language == "en" else f"notebooks/{language}"
    browser.get(f"{base}/lab?token={token}")
    WebDriverWait(browser, 60).until(lambda d: d.execute_script("return !!window.jupyterapp"))
    assert browser.execute_async_script(RESTORED) == "restored"
    state = wait_until(browser, PAGE_STATE, lambda s: len(s["menus"]) >= len(MENUS) and LESSON in s["files"],
                       60, "the menu bar and the lessons in the file browser")

    expected = [menu_label(language, menu) for menu in MENUS]  # File: Archivo, Fichier, 文件, File
    assert state["menus"][:len(MENUS)] == expected, f"the menu bar is not in {language}"
    assert state["lang"] == course.LAB_LOCALES[language].replace("_", "-"), "the page's language"
    assert state["folder"] == folder, f"the file browser is not in {folder} but in {state['folder']}"
    lessons = sorted(p.name for p in (ROOT / folder).glob("*.ipynb"))
    listed = sorted(name for name in state["files"] if name.endswith(".ipynb"))
    assert listed == lessons, f"the file browser does not list {folder}'s lessons"

    # A lesson opened from the file browser shows its figures (../images lies inside the server's root).
    open_from_file_browser(browser, LESSON)
    figures = wait_until(browser, FIGURES, lambda f: f and all(img["loaded"] for img in f), 60,
                         f"the figures of {folder}/{LESSON}")
    assert any("/files/images/" in img["src"] for img in figures)

    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / f"lab_{language}.png"))  # menu bar, file browser, lesson
    browser.find_elements(By.CSS_SELECTOR, ".lm-MenuBar-item")[0].click()  # and the File menu opened
    wait_until(browser, "return document.querySelectorAll('.lm-Menu').length", bool, 10, "the File menu")
    time.sleep(0.5)  # let the menu finish drawing
    browser.save_screenshot(str(ARTIFACTS / f"lab_{language}_file_menu.png"))
