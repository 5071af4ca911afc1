from tests.apptest_helpers import app, demo_database, frame
from tests.test_page_words import walk


def test_dbg(tmp_path_factory):
    with demo_database(tmp_path_factory, "dbg") as demo:
        for page in ("pages/overview.py", "pages/report.py"):
            at = app(demo.principal("admin"), "nb", page=page)
            for node in walk(at._tree):
                if getattr(node, "type", "") == "dataframe":
                    df = frame(node)
                    for c in df.columns:
                        vals = [str(v) for v in df[c].to_numpy()]
                        if "nan" in vals or "None" in vals:
                            print(page, node.key, repr(c), df[c].dtype, vals[:8])
