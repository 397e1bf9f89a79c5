"""The published site's own files, kept together so that `coalition serve` and
`datasette publish` load the same ones: Datasette's metadata, the project's
plugin (a folder for `--plugins-dir`) and its templates (`--template-dir`)."""
from pathlib import Path

HERE = Path(__file__).resolve().parent
METADATA = HERE / "metadata.yml"
PLUGINS = HERE / "plugins"
TEMPLATES = HERE / "templates"
