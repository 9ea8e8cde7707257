package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The {@code fields} create extension end to end: describe, insert validation, output of every
 * typed field through get, query and search, and bad field declarations.
 */
class TypedFieldsApiTest extends ApiTestSupport {

    /** One field of every type, type names in mixed case, some nullable. */
    private static final String EVERY_TYPE = """
            [{"name":"flag","type":"bool"},
             {"name":"tiny","type":"Int8"},
             {"name":"small","type":"INT16"},
             {"name":"age","type":"Int32","description":"years"},
             {"name":"big","type":"Int64"},
             {"name":"score","type":"Float"},
             {"name":"weight","type":"Double","nullable":true},
             {"name":"title","type":"VarChar","maxLength":64},
             {"name":"meta","type":"json","nullable":true},
             {"name":"tags","type":"Array","elementType":"varchar","maxLength":16,"maxCapacity":8},
             {"name":"ratings","type":"Array","elementType":"Float","maxCapacity":4,"nullable":true}]""";

    /** Row 1 sets every field; row 2 leaves the nullable ones out or null. */
    private static final String ROWS = """
            [{"id":1,"vector":[1,0],"flag":true,"tiny":-128,"small":32767,"age":42,"big":9007199254740993,
              "score":0.1,"weight":2.5,"title":"first","meta":{"a":[1,2.5,"x",null],"b":{"c":true}},
              "tags":["red","blue"],"ratings":[0.1,5],"color":"dynamic"},
             {"id":2,"vector":[0,1],"flag":false,"tiny":0,"small":-1,"age":7,"big":"-42","score":-3,
              "weight":null,"title":"second","tags":[]}]""";

    private void createEveryType(String name) {
        assertOk(post(ApiPaths.CREATE, """
                {"collectionName":"%s","dimension":2,"autoId":false,"fields":%s}""".formatted(name, EVERY_TYPE)));
    }

    private void createWithRows(String name) {
        createEveryType(name);
        assertThat(insert(name, ROWS)).hasSize(2);
    }

    @Test
    void describeListsTypedFieldsAfterPrimaryKeyAndVectorAsMilvusDoes() {
        createEveryType("typed_describe");

        assertGolden(get(ApiPaths.DESCRIBE + "?collectionName=typed_describe"), "typed-describe");
    }

    @Test
    void getReturnsEveryTypedFieldWithJsonArraysAndNulls() {
        createWithRows("typed_get");

        assertGolden(post(ApiPaths.GET, """
                {"collectionName":"typed_get","id":[1,2]}"""), "typed-get");
    }

    @Test
    void queryReturnsOnlyTheNamedTypedFields() {
        createWithRows("typed_query");

        assertGolden(post(ApiPaths.QUERY, """
                {"collectionName":"typed_query","filter":"id > 0","outputFields":["big","meta","ratings","title"]}"""),
                "typed-query");
    }

    @Test
    void searchReturnsNamedTypedFieldsBesideIdAndDistance() {
        createWithRows("typed_search");

        JsonNode hits = assertOk(post(ApiPaths.SEARCH, """
                {"collectionName":"typed_search","vector":[1,0],"limit":1,"outputFields":["title","tags"]}"""));

        assertThat(hits.toString()).isEqualTo("""
                [{"distance":0.0,"id":1,"tags":["red","blue"],"title":"first"}]""");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            age > 10 and title == "first" and flag == true | [1]
            tiny == -128 and small == 32767                | [1]
            big == 9007199254740993                        | [1]
            score < 0                                      | [2]
            weight is null                                 | [2]
            meta["b"]["c"] == true                         | [1]
            meta is null                                   | [2]
            array_contains(tags, "blue")                   | [1]
            array_length(tags) == 0                        | [2]
            ratings[1] == 5                                | [1]
            id in [2] and age < 10                         | [2]
            id in [1, 2] and color == "dynamic"            | [1]
            """)
    void filtersReadTypedFields(String filter, String ids) {
        createWithRows("typed_filter_" + Math.abs(filter.hashCode()));

        JsonNode rows = assertOk(post(ApiPaths.QUERY, """
                {"collectionName":"typed_filter_%d","filter":%s,"outputFields":["id"]}"""
                .formatted(Math.abs(filter.hashCode()), JsonNodeFactory.instance.stringNode(filter))));

        assertThat(rows.findValues("id").stream().map(JsonNode::asLong).toList().toString()).isEqualTo(ids);
    }

    @Test
    void typedInt64FieldIsAStringWhenInt64IsNotAllowed() {
        createWithRows("typed_int64");

        JsonNode rows = assertOk(post(ApiPaths.GET, """
                {"collectionName":"typed_int64","id":[1,2],"outputFields":["big","age"]}""", "false"));

        assertThat(rows.toString()).isEqualTo("""
                [{"age":42,"big":"9007199254740993","id":"1"},{"age":7,"big":"-42","id":"2"}]""");
    }

    @Test
    void typedInt64FieldIsANumberByDefault() {
        createWithRows("typed_int64_numbers");

        JsonNode rows = assertOk(post(ApiPaths.GET, """
                {"collectionName":"typed_int64_numbers","id":1,"outputFields":["big"]}""", "true"));

        assertThat(rows.toString()).isEqualTo("[{\"big\":9007199254740993,\"id\":1}]");
    }

    @Test
    void upsertReplacesTheTypedValuesOfARow() {
        createWithRows("typed_upsert");

        assertOk(post(ApiPaths.UPSERT, """
                {"collectionName":"typed_upsert","data":{"id":2,"vector":[0,1],"flag":true,"tiny":1,"small":2,"age":3,
                 "big":4,"score":5,"weight":6,"title":"replaced","meta":[1],"tags":["t"],"ratings":[]}}"""));
        JsonNode rows = assertOk(post(ApiPaths.GET, """
                {"collectionName":"typed_upsert","id":2,"outputFields":["title","weight","meta","ratings"]}"""));

        assertThat(rows.toString()).isEqualTo("""
                [{"id":2,"meta":[1],"ratings":[],"title":"replaced","weight":6.0}]""");
    }

    @Test
    void insertWhenTypedValueInvalidReturnsBadInsertDataNamingRowAndField() {
        createEveryType("typed_bad_row");

        assertError(post(ApiPaths.INSERT, """
                {"collectionName":"typed_bad_row","data":[
                 {"id":1,"vector":[1,0],"flag":true,"tiny":1,"small":1,"age":1,"big":1,"score":1,"title":"a","tags":[]},
                 {"id":2,"vector":[1,0],"flag":true,"tiny":128,"small":1,"age":1,"big":1,"score":1,"title":"a","tags":[]}
                ]}"""), 1804, "row 1: field 'tiny': Int8 takes integers in [-128, 127], got 128");
        assertError(post(ApiPaths.INSERT, """
                {"collectionName":"typed_bad_row","data":
                 {"id":1,"vector":[1,0],"flag":true,"tiny":1,"small":1,"big":1,"score":1,"title":"a","tags":[]}}"""),
                1804, "row 0: missing field 'age'");
        assertThat(allIds("typed_bad_row")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            {"name":"a"}                                             | 1802 | [fields[0].type]
            {"type":"Bool"}                                          | 1802 | [fields[0].name]
            {"name":"a","type":"VarChar"}                            | 1100 | fields[0]: maxLength is required for VarChar
            {"name":"a","type":"Array","maxCapacity":2}              | 1100 | fields[0]: elementType is required for Array
            {"name":"a","type":"Array","elementType":"JSON","maxCapacity":2} | 1100 | fields[0]: elementType 'JSON' is not supported
            {"name":"a","type":"Array","elementType":"Int8","maxCapacity":0} | 1100 | fields[0]: maxCapacity 0 is out of range [1, 4096]
            {"name":"a","type":"Decimal"}                            | 1100 | fields[0]: type 'Decimal' is not supported
            {"name":"id","type":"Int64"}                             | 1100 | fields[0]: name 'id' is the primary key field's name
            {"name":"$meta","type":"JSON"}                           | 1100 | fields[0].name '$meta' is invalid
            {"name":"a","type":"Bool","nullable":"yes"}              | 1801 |
            """)
    void createWhenFieldSpecInvalidFailsNamingTheField(String field, int code, String detail) {
        String name = "typed_bad_spec_" + Math.abs(field.hashCode());

        assertError(post(ApiPaths.CREATE, """
                {"collectionName":"%s","dimension":2,"fields":[%s]}""".formatted(name, field)), code,
                detail == null ? new String[0] : new String[] {detail});
        assertError(get(ApiPaths.DESCRIBE + "?collectionName=" + name), 100);
    }

    @Test
    void createWhenFieldNamesRepeatReturnsInvalidParameter() {
        assertError(post(ApiPaths.CREATE, """
                {"collectionName":"typed_repeat","dimension":2,"fields":[{"name":"a","type":"Bool"},
                 {"name":"b","type":"Int8"},{"name":"a","type":"Int8"}]}"""), 1100,
                "fields[2]: name 'a' repeats fields[0]");
    }
}
