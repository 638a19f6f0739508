"""Validates a hubsite ORUK export (the folder directory/oruk/ of a built site) against the
Open Referral UK schemas in tests/oruk-schemas/. Usage: python3 tests/oruk_validate.py DIR.
Prints one line per problem and exits 1 if there is any."""
import json
import pathlib
import sys

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

HERE = pathlib.Path(__file__).parent / "oruk-schemas"


def load(name):
    return json.loads((HERE / name).read_text())


def validator(name, registry):
    return jsonschema.Draft202012Validator(load(name), registry=registry, format_checker=jsonschema.FormatChecker())


def main(export):
    export = pathlib.Path(export)
    registry = Registry().with_resources(
        (name, Resource.from_contents(load(name), default_specification=DRAFT202012))
        for name in ["taxonomy_term.json", "taxonomy.json"]
    )
    checks = {name: validator(name, registry) for name in ["service.json", "service_list.json", "taxonomy.json", "page.json", "api_root.json"]}
    problems = []
    checked = 0

    def check(schema, document, where):
        nonlocal checked
        checked += 1
        for error in checks[schema].iter_errors(document):
            path = "/".join(str(p) for p in error.absolute_path)
            problems.append(f"{where}: {path}: {error.message}")

    check("api_root.json", json.loads((export / "index.json").read_text()), "index.json")
    pages = sorted((export / "services").glob("page-*.json"))
    if not pages:
        problems.append("no services/page-*.json")
    listed = []
    for page_file in [export / "services.json", *pages]:
        page = json.loads(page_file.read_text())
        check("page.json", page, page_file.name)
        for n, item in enumerate(page["contents"]):
            check("service_list.json", item, f"{page_file.name} contents/{n}")
            if page_file.name != "services.json":
                listed.append(item["id"])
    for service_id in listed:
        full = export / "services" / f"{service_id}.json"
        check("service.json", json.loads(full.read_text()), f"services/{service_id}.json")
    taxonomies = json.loads((export / "taxonomies.json").read_text())
    check("page.json", taxonomies, "taxonomies.json")
    for n, item in enumerate(taxonomies["contents"]):
        check("taxonomy.json", item, f"taxonomies.json contents/{n}")
    for problem in problems:
        print(problem)
    print(f"{checked} documents checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
