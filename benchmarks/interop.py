"""Our exports against the real tools: a Label Studio server's import API, and doccano's own import and export code.

Not part of CI: each tool lives in its own virtual environment under `.venv-interop/`, made on the first run
(`pip install label-studio==1.23.2`, `pip install doccano==1.8.4 "marshmallow<3.20" "numpy<2"`: minutes, from
PyPI), or given with --label-studio-python / --doccano-python. Nothing else leaves the machine: the Label
Studio server listens on 127.0.0.1 with its analytics, version check and feature-flag fetching off, and
doccano's code runs in-process on a temporary SQLite file (no server, no worker).

What it does:
1. builds a database of invented sentences (entities, a LOCATION inside a QUOTE, a quote with its speaker) that
   alice annotated and marked done, in progress, flagged and skipped;
2. exports it (`--status all`) as Label Studio JSON with its labelling config (`--config`), imports that into a
   fresh Label Studio project made with that config through the API and prints what the server accepted;
   exports the project back (JSON, JSON_MIN, CONLL2003) and imports the server's JSON into annotator again,
   comparing every record with the original;
3. exports it as doccano JSONL, plain and with relations, imports each with doccano's own pipeline into a
   project with and without "Allow overlapping entity", prints what doccano stored, exports the relation
   project with doccano's exporter and imports that back, comparing again.

Run: .venv/bin/python benchmarks/interop.py [--only labelstudio|doccano] [--save DIR]
     (--save keeps the tools' files: tests/fixtures/real/ holds the ones the tests read)
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / ".venv-interop"
LABEL_STUDIO = ["label-studio==1.23.2"]
DOCCANO = ["doccano==1.8.4", "marshmallow<3.20", "numpy<2"]  # doccano 1.8.4 runs only with these older two

#: (text, [(label, part)], quote part or None, status): invented sentences, nobody's text.
ARTICLES = [
    ('Mayor Ana Ruiz said "Riverton will rebuild the bridge by May" after floods cut off 1,200 homes.',
     [("ACTOR", "Ana Ruiz"), ("LOCATION", "Riverton"), ("FIGURE", "1,200 homes")],
     "Riverton will rebuild the bridge by May", "done"),
    ('Officials in  Port Maren counted 14 boats.\nThe harbour master, Li Wei, said: "We expect more tomorrow."',
     [("LOCATION", "Port Maren"), ("FIGURE", "14 boats"), ("ACTOR", "Li Wei")], "We expect more tomorrow.",
     "in_progress"),
    ("Delta Cooperative said it would hire 300 workers in Eastvale.",
     [("ACTOR", "Delta Cooperative"), ("FIGURE", "300 workers"), ("LOCATION", "Eastvale")], None, "flagged"),
    ("Nothing in this note is worth a label.", [], None, "skipped"),
]  # fmt: skip


# -- the annotator side (this environment) ------------------------------------------------------------------


def build(db: Path, first_suggested: list | None = None) -> None:
    """alice's spans, speakers and statuses on the invented articles (and the model's suggestions for the first,
    when given: the SDK test sends them as predictions)."""
    from annotator.models import ArticleIn
    from annotator.store import Store
    from annotator.suggest.tokens import tokenize

    with Store.open(db) as store:
        articles = [ArticleIn(text=text, title=f"Note {i}", id=f"note-{i}") for i, (text, *_) in enumerate(ARTICLES)]
        tokens = tokenize([a.text for a in articles])
        suggested = [first_suggested or []] + [[] for _ in articles[1:]]
        store.add_articles(list(zip(articles, tokens, suggested, strict=True)))
        for article, (text, entities, quote, status) in zip(articles, ARTICLES, strict=True):
            ids = {}
            for label, part in entities:
                start = text.index(part)
                ids[label] = store.add_span(article.article_id, "alice", start, start + len(part), label).spans[0].id
            if quote:
                start = text.index(quote)
                made = store.add_span(article.article_id, "alice", start, start + len(quote), "QUOTE").spans[0].id
                store.set_speaker(article.article_id, "alice", made, ids["ACTOR"])
            store.set_status(article.article_id, "alice", status)


def records(db: Path) -> list[dict]:
    from annotator.exchange.formats.jsonl import record_dict
    from annotator.exchange.records import annotator_records
    from annotator.store import Store

    with Store.open(db) as store:
        return [record_dict(r) for r in annotator_records(store, "alice", None)]


def annotator(*args: str) -> str:
    command = [str(ROOT / ".venv" / "bin" / "annotator"), *args]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout.strip()


def compare(original: list[dict], back: list[dict], carried: tuple[str, ...]) -> None:
    """Each original record against the one that came back, field by field (`carried`)."""
    by_id = {r["article_id"]: r for r in back}
    for record in original:
        again = by_id.get(record["article_id"])
        if again is None:
            print(f"    {record['article_id']}: MISSING after the round trip")
            continue
        lost = [name for name in carried if record.get(name) != again.get(name)]
        print(f"    {record['article_id']} ({record['status']}): " + ("same" if not lost else f"DIFFERS in {lost}"))


# -- the tools' environments ------------------------------------------------------------------------------


def tool_python(name: str, packages: list[str], given: str | None) -> Path:
    if given:
        return Path(given)
    venv = TOOLS / name
    python = venv / "bin" / "python"
    if not python.exists():
        print(f"installing {' '.join(packages)} into {venv} (first run: this takes minutes)")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *packages], check=True)
    return python


def drive(python: Path, tool: str, *args: str) -> None:
    """Run this file's driver for `tool` in the tool's own environment; its output is the tool's report."""
    done = subprocess.run([str(python), __file__, "--drive", tool, *args], text=True)
    if done.returncode:
        print(f"  the {tool} driver failed (exit status {done.returncode})")


# -- drivers: run inside the tool's environment, import nothing of annotator ---------------------------------


def drive_label_studio(our_file: Path, config: Path, out: Path) -> None:
    import requests
    from label_studio_sdk import LabelStudio
    from label_studio_sdk.core.api_error import ApiError

    data_dir = Path(tempfile.mkdtemp(prefix="interop-ls-"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    token, base = secrets.token_hex(20), f"http://127.0.0.1:{port}"
    offline = {"SENTRY_DSN": "", "FRONTEND_SENTRY_DSN": "", "LATEST_VERSION_CHECK": "false",
               "COLLECT_ANALYTICS": "false", "FEATURE_FLAGS_OFFLINE": "true", "DJANGO_DB": "sqlite",
               "NO_PROXY": "127.0.0.1,localhost", "LABEL_STUDIO_BASE_DATA_DIR": str(data_dir)}  # fmt: skip
    command = [str(Path(sys.executable).parent / "label-studio"), "start", "--no-browser", "--internal-host",
               "127.0.0.1", "--port", str(port), "--data-dir", str(data_dir), "--username", "interop@example.com",
               "--password", secrets.token_hex(8), "--user-token", token, "--enable-legacy-api-token",
               "--log-level", "WARNING"]  # fmt: skip
    with (data_dir / "server.log").open("wb") as log:
        server = subprocess.Popen(command, env={**os.environ, **offline}, stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)  # fmt: skip
    try:
        began = time.time()
        while not _healthy(base):
            if server.poll() is not None or time.time() - began > 300:
                sys.exit("Label Studio did not start; its log: " + (data_dir / "server.log").read_text()[-2000:])
            time.sleep(1)
        from importlib.metadata import version

        print(f"  Label Studio {version('label-studio')} up in {time.time() - began:.0f} s at {base}")
        client = LabelStudio(base_url=base, api_key=token)
        project = client.projects.create(title="interop", label_config=config.read_text(encoding="utf-8"))
        tasks = json.loads(our_file.read_text(encoding="utf-8"))
        try:
            answer = client.projects.import_tasks(project.id, request=tasks, return_task_ids=True)
        except ApiError as error:
            print(f"  REJECTED, HTTP {error.status_code}: {json.dumps(error.body)[:600]}")
            return
        got = answer.dict() if hasattr(answer, "dict") else dict(answer)
        print(f"  ACCEPTED: {got.get('task_count')} task(s), {got.get('annotation_count')} annotation(s), "
              f"{got.get('prediction_count')} prediction(s) of {len(tasks)} task(s) sent")  # fmt: skip
        headers = {"Authorization": f"Token {token}"}
        for task_id in got.get("task_ids") or []:
            task = requests.get(f"{base}/api/tasks/{task_id}", headers=headers, timeout=10).json()
            kinds: dict[str, int] = {}
            for annotation in task.get("annotations") or []:
                for result in annotation.get("result", []):
                    kinds[result.get("type")] = kinds.get(result.get("type"), 0) + 1
            print(f"    task {task_id}: meta {json.dumps(task.get('meta'))}, results {kinds}, cancelled "
                  f"{[a.get('was_cancelled') for a in task.get('annotations') or []]}")  # fmt: skip
        out.mkdir(parents=True, exist_ok=True)
        for kind, suffix in (("JSON", ".json"), ("JSON_MIN", ".min.json"), ("CONLL2003", ".conll")):
            reply = requests.get(f"{base}/api/projects/{project.id}/export", headers=headers, timeout=120,
                                 params={"exportType": kind, "download_all_tasks": "true"})  # fmt: skip
            (out / f"labelstudio_export{suffix}").write_bytes(reply.content)
            print(f"  exported {kind}: HTTP {reply.status_code}, {len(reply.content)} bytes")
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)  # the server's own session, which we started
            server.wait(30)
        shutil.rmtree(data_dir, ignore_errors=True)


def _healthy(base: str) -> bool:
    import requests

    try:
        return requests.get(base + "/health", timeout=2).status_code == 200
    except requests.RequestException:
        return False


def drive_doccano(plain_file: Path, relations_file: Path, out: Path) -> None:
    import warnings

    warnings.filterwarnings("ignore")
    home = Path(tempfile.mkdtemp(prefix="interop-doccano-"))
    os.environ.update({"DOCCANO_HOME": str(home), "DJANGO_SETTINGS_MODULE": "config.settings.production",
                       "DATABASE_URL": f"sqlite:///{home}/db.sqlite3", "MEDIA_ROOT": str(home / "media"),
                       "STANDALONE": "True", "DEBUG": "False"})  # fmt: skip
    import backend

    sys.path.append(os.path.dirname(backend.__file__))
    import django

    django.setup()
    import logging

    logging.disable(logging.INFO)
    from django.contrib.auth import get_user_model
    from django.core import management

    try:
        management.call_command("migrate", verbosity=0)
        management.call_command("create_roles", verbosity=0)
        from data_export.celery_tasks import export_dataset
        from data_import.datasets import load_dataset
        from data_import.pipeline.catalog import create_file_format
        from data_import.pipeline.readers import FileName
        from labels.models import Relation, Span
        from projects.models import Member, ProjectType, SequenceLabelingProject
        from roles.models import Role

        user = get_user_model().objects.create_superuser("interop", "interop@example.com", secrets.token_hex(8))
        runs = [(plain_file, False, False), (plain_file, False, True), (relations_file, True, False),
                (relations_file, True, True)]  # fmt: skip
        for our_file, relations, overlapping in runs:
            project = SequenceLabelingProject.objects.create(
                name=f"interop-{relations}-{overlapping}", description="", project_type=ProjectType.SEQUENCE_LABELING,
                created_by=user, allow_overlapping=overlapping, use_relation=relations,
            )  # fmt: skip
            Member.objects.create(user=user, project=project, role=Role.objects.get(name="project_admin"))
            name = FileName(full_path=str(our_file), generated_name=our_file.name, upload_name=our_file.name)
            task = "RelationExtraction" if relations else ProjectType.SEQUENCE_LABELING
            dataset = load_dataset(task, create_file_format("JSONL"), [name], project)
            try:
                dataset.save(user, batch_size=1000)
                errors = [e.dict() for e in dataset.errors]
            except Exception as error:  # doccano's import fails whole on some inputs: that is the finding
                errors = [f"{type(error).__name__}: {error}"]
            spans = Span.objects.filter(example__project=project).count()
            stored = Relation.objects.filter(example__project=project).count()
            print(f"  doccano 1.8.4, {our_file.name}, allow overlapping {'on' if overlapping else 'off'}: {spans} "
                  f"span(s), {stored} relation(s) stored; errors {json.dumps(errors)[:300]}")  # fmt: skip
            if overlapping and relations:
                archive = export_dataset(project.id, "JSONL", confirmed_only=False)
                unpacked = home / "export"
                shutil.unpack_archive(archive, unpacked)
                out.mkdir(parents=True, exist_ok=True)
                for made in sorted(unpacked.iterdir()):
                    shutil.copy(made, out / "doccano_export.jsonl")
                    print(f"  exported with doccano's JSONL exporter: {made.name}")
    finally:
        shutil.rmtree(home, ignore_errors=True)


# -- main ---------------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["labelstudio", "doccano"])
    parser.add_argument("--save", type=Path, help="keep the files the tools wrote in this folder")
    parser.add_argument("--label-studio-python", help="a Python that has label-studio installed")
    parser.add_argument("--doccano-python", help="a Python that has doccano installed")
    parser.add_argument("--drive", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.drive:
        {"labelstudio": drive_label_studio, "doccano": drive_doccano}[args.drive](*args.paths)
        return
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        out = args.save or work / "tools"
        db = work / "interop.db"
        build(db)
        original = records(db)
        print(f"annotator: {len(original)} records by alice ({', '.join(r['status'] for r in original)})")
        carried = ("text", "title", "meta", "annotator", "status", "spans", "updated_at")
        if args.only in (None, "labelstudio"):
            ours, config = work / "alice.json", work / "labelstudio.xml"
            annotator("export", "--db", str(db), "--annotator", "alice", "--format", "labelstudio", "--status", "all",
                      "-o", str(ours), "--config", str(config))  # fmt: skip
            print("Label Studio: importing our export through the API, into a project made with our labelling config")
            python = tool_python("label-studio", LABEL_STUDIO, args.label_studio_python)
            drive(python, "labelstudio", ours, config, out)
            back = out / "labelstudio_export.json"
            if back.exists():
                print(
                    f"  back into annotator: {annotator('import', str(back), '--format', 'labelstudio', '--db', str(work / 'ls.db'))}"
                )
                compare(original, records(work / "ls.db"), carried)
            for name, form in (("labelstudio_export.min.json", "labelstudio"), ("labelstudio_export.conll", "conll")):
                if (out / name).exists():
                    said = annotator("import", str(out / name), "--format", form, "--db", str(work / f"{name}.db"),
                                     "--annotator", "alice", "--snap", "--skip-invalid")  # fmt: skip
                    print(f"  its {name.split('.', 1)[1]} into annotator: " + said.replace("\n", "; "))
        if args.only in (None, "doccano"):
            plain, relations = work / "alice.doccano.jsonl", work / "alice.doccano-relations.jsonl"
            for name, path in (("doccano", plain), ("doccano-relations", relations)):
                annotator("export", "--db", str(db), "--annotator", "alice", "--format", name, "--status", "all",
                          "-o", str(path))  # fmt: skip
            print("doccano: importing our doccano and doccano-relations exports with doccano's own code")
            drive(tool_python("doccano", DOCCANO, args.doccano_python), "doccano", plain, relations, out)
            back = out / "doccano_export.jsonl"
            if back.exists():
                print(
                    f"  back into annotator: {annotator('import', str(back), '--format', 'doccano-relations', '--db', str(work / 'dc.db'))}"
                )
                compare(original, records(work / "dc.db"), carried)


if __name__ == "__main__":
    main()
