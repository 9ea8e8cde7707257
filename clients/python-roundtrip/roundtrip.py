"""Drives a running Quiver through the python client that openapi-generator makes from
openapi.yaml (the Maven build generates it into target/generated-clients/python). Only the
generated API and models are used; what a user writes by hand is the host and the token.
clients/run.sh runs it with that directory on PYTHONPATH; it exits 1 when a check fails.
"""
import os
import sys
import time

from quiver_client import ApiClient, CollectionsApi, Configuration, EntitiesApi
from quiver_client.exceptions import ApiException
from quiver_client.models import (CreateCollectionRequest, DeleteRequest, DropCollectionRequest, GetRequest,
                                  InsertRequest, QueryRequest, SearchRequest)

ENDPOINT = os.environ.get("QUIVER_ENDPOINT", "http://127.0.0.1:19530")
TOKEN = os.environ.get("QUIVER_TOKEN", "root:Milvus")
failures = []
passes = 0


def check(name, ok, detail=None):
    global passes
    if ok:
        passes += 1
    else:
        failures.append(name)
        print(f"FAIL {name}: {detail!r}")


def round_trip(collections, entities):
    name = f"py_books_{int(time.time() * 1000)}"
    created = collections.create(CreateCollectionRequest(collectionName=name, dimension=3))
    check("create with only the required fields", created.code == 200, created)
    check("list names it", name in collections.list().data)
    described = collections.describe(collection_name=name).data
    check("describe", [f.name for f in described.fields] == ["id", "vector"], described)

    inserted = entities.insert(InsertRequest(collectionName=name, data=[
        {"vector": [1, 0, 0], "color": "red"},
        {"vector": [0, 1, 0], "color": "blue"},
        {"vector": [0, 0, 1], "color": "red"}]))
    check("insert counts three rows", inserted.code == 200 and inserted.data.insert_count == 3, inserted)
    ids = inserted.data.insert_ids

    got = entities.get(GetRequest(collectionName=name, id=ids, outputFields=["color"]))
    check("get by the inserted ids", [row["color"] for row in got.data] == ["red", "blue", "red"], got)

    queried = entities.query(QueryRequest(collectionName=name, filter='color == "red"', outputFields=["id"]))
    check("query by filter", sorted(row["id"] for row in queried.data) == sorted([ids[0], ids[2]]), queried)

    nearest = entities.search(SearchRequest(collectionName=name, vector=[0, 0.9, 0.1], limit=2,
                                            outputFields=["color"]))
    check("search: nearest first", [hit.id for hit in nearest.data] == [ids[1], ids[2]], nearest)
    check("search: distance", abs(nearest.data[0].distance - 0.02) < 1e-6, nearest)
    check("search: output field", nearest.data[0].additional_properties.get("color") == "blue", nearest)

    filtered = entities.search(SearchRequest(collectionName=name, vector=[0, 0.9, 0.1], limit=5,
                                             filter='color == "red"'))
    check("search with a filter", [hit.id for hit in filtered.data] == [ids[2], ids[0]], filtered)

    deleted = entities.delete(DeleteRequest(collectionName=name, id=[ids[0]]))
    check("delete by id", deleted.data.delete_ids == [ids[0]], deleted)

    missing = entities.query(QueryRequest(collectionName="no_such_collection", filter="id > 0"))
    check("an error is a typed answer with a code", missing.code == 100 and not missing.data, missing)

    check("drop", collections.drop(DropCollectionRequest(collectionName=name)).code == 200)


def wrong_token():
    with ApiClient(Configuration(host=ENDPOINT, access_token="root:wrong")) as client:
        try:
            CollectionsApi(client).list()
            check("a wrong token is refused", False)
        except ApiException as error:
            check("a wrong token is a 401 with code 1800", error.status == 401 and '"code":1800' in error.body,
                  (error.status, error.body))


def main():
    with ApiClient(Configuration(host=ENDPOINT, access_token=TOKEN)) as client:
        round_trip(CollectionsApi(client), EntitiesApi(client))
    wrong_token()
    print(f"{passes} passed, {len(failures)} failed")
    return 0 if passes and not failures else 1


if __name__ == "__main__":
    sys.exit(main())
