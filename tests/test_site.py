import pytest
from datasette.app import Datasette

from .conftest import ROOT


@pytest.mark.asyncio
async def test_articles_json(seeds_db):
    import yaml

    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    datasette = Datasette(immutables=[str(seeds_db)], metadata=metadata, settings={"suggest_facets": False})
    response = await datasette.client.get(f"/{seeds_db.stem}/articles.json?_shape=array")
    assert response.status_code == 200
    assert [row["path"] for row in response.json()][:2] == ["000_6a71ac7b541140ad.txt", "001_b76170f1117bfb89.txt"]
