"""Builds Siyasa with its translation catalogues compiled (locale/*/LC_MESSAGES/*.po → .mo).

Why compile at build time rather than commit the .mo files: they are generated from the .po
files, which several people edit in parallel, and a committed binary would either go stale
when someone forgets to recompile or conflict at every merge. Babel's compiler is pure Python
and is declared in `[build-system] requires`, so building a wheel (or installing from an
sdist) needs no gettext tools on the machine. `make` keeps `msgfmt --check` for development.
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.errors import SetupError


def compile_catalogue(po: Path, mo: Path) -> None:
    """Compile one catalogue, refusing one whose placeholders or plural forms are wrong."""
    with po.open("rb") as source:
        catalogue = read_po(source, abort_invalid=True)
    problems = [
        f"{po}: {message.id!r}: {error}"
        for message, errors in catalogue.check()
        for error in errors
    ]
    if problems:
        raise SetupError("\n".join(problems))
    mo.parent.mkdir(parents=True, exist_ok=True)
    with mo.open("wb") as target:
        write_mo(target, catalogue)


class BuildPyWithCatalogues(build_py):
    """build_py that also writes each catalogue's .mo beside the copied .po."""

    def run(self) -> None:
        super().run()
        # An editable install reads the checkout, whose catalogues `make` compiles (and checks
        # with msgfmt --check); compiling them here would make that step look up to date.
        if not self.editable_mode:
            for mo, po in self._catalogues():
                compile_catalogue(po, mo)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        extra = [] if self.editable_mode else [str(mo) for mo, _ in self._catalogues()]
        return super().get_outputs(include_bytecode) + extra

    def _catalogues(self):
        """(.mo to write in the build folder, .po it comes from)."""
        for _package, src_dir, build_dir, filenames in self.data_files:
            for name in filenames:
                if name.endswith(".po") and Path(name).parent.name == "LC_MESSAGES":
                    yield Path(build_dir, name).with_suffix(".mo"), Path(src_dir, name)


setup(cmdclass={"build_py": BuildPyWithCatalogues})
