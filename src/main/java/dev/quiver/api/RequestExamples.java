package dev.quiver.api;

import java.util.Map;

/**
 * The request body Swagger UI offers for each operation. Sent in the page's order on a fresh
 * service (drop last) they all succeed, and so do the query-string examples of the GET routes:
 * the collection has client-chosen ids, so get, upsert, delete and restore can name rows the
 * insert wrote. {@code RequestExamplesTest} sends them all; the browser check in
 * {@code clients/swagger-ui-check} sends create, insert and search from the page.
 */
final class RequestExamples {

    static final Map<String, String> BY_OPERATION = Map.ofEntries(
            Map.entry("create", """
                    {"dbName": "default", "collectionName": "book", "dimension": 4, "metricType": "L2",
                     "autoId": false}"""),
            Map.entry("insert", """
                    {"collectionName": "book", "data": [
                     {"id": 1, "vector": [0.1, 0.2, 0.3, 0.4], "title": "The Hobbit"},
                     {"id": 2, "vector": [0.5, 0.6, 0.7, 0.8], "title": "Dune"}]}"""),
            Map.entry("upsert", """
                    {"collectionName": "book", "data": [
                     {"id": 2, "vector": [0.5, 0.6, 0.7, 0.9], "title": "Dune Messiah"}]}"""),
            Map.entry("get", """
                    {"collectionName": "book", "id": [1, 2], "outputFields": ["id", "title"]}"""),
            Map.entry("query", """
                    {"collectionName": "book", "filter": "id in [1, 2]", "outputFields": ["title"], "limit": 10}"""),
            Map.entry("search", """
                    {"collectionName": "book", "vector": [0.1, 0.2, 0.3, 0.4], "limit": 2, "outputFields": ["title"]}"""),
            Map.entry("delete", """
                    {"collectionName": "book", "id": [2]}"""),
            Map.entry("restore", """
                    {"collectionName": "book", "id": [2]}"""),
            Map.entry("deletions", """
                    {"collectionName": "book", "limit": 10}"""),
            Map.entry("drop", """
                    {"collectionName": "book"}"""));

    private RequestExamples() {
    }
}
