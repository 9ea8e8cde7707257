package dev.quiver.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import dev.quiver.store.ScalarType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypedFieldSpecTest {

    private static NewCollection.Field spec(String name, String type) {
        return new NewCollection.Field(name, type, null, null, null, null, null);
    }

    private static List<ScalarField> validate(NewCollection.Field... fields) {
        return ScalarFields.validate(Arrays.asList(fields), "id", "vector");
    }

    private static void assertRejected(ErrorCode code, String detail, NewCollection.Field... fields) {
        assertThatThrownBy(() -> validate(fields))
                .isInstanceOf(QuiverException.class)
                .satisfies(e -> assertThat(((QuiverException) e).errorCode()).isEqualTo(code))
                .hasMessageContaining(detail);
    }

    @Test
    void absentOrEmptyFieldsMeanNoTypedFields() {
        assertThat(ScalarFields.validate(null, "id", "vector")).isEmpty();
        assertThat(ScalarFields.validate(List.of(), "id", "vector")).isEmpty();
    }

    @Test
    void typeNamesAreCaseInsensitiveAndDefaultsApply() {
        List<ScalarField> fields = validate(spec("a", "int32"), spec("b", "JSON"), spec("c", "json"),
                new NewCollection.Field("d", "varchar", 64, null, null, true, "name"),
                new NewCollection.Field("e", "ARRAY", 8, "varCHAR", 16, false, null));

        assertThat(fields).containsExactly(
                new ScalarField("a", ScalarType.INT32, 0, null, 0, false, ""),
                new ScalarField("b", ScalarType.JSON, 0, null, 0, false, ""),
                new ScalarField("c", ScalarType.JSON, 0, null, 0, false, ""),
                new ScalarField("d", ScalarType.VARCHAR, 64, null, 0, true, "name"),
                new ScalarField("e", ScalarType.ARRAY, 8, ScalarType.VARCHAR, 16, false, ""));
    }

    @Test
    void describeRendersMilvusKeysAlphabeticallyWithArrayExtrasAndNullableOnlyWhenSet() {
        List<ScalarField> fields = validate(new NewCollection.Field("d", "VarChar", 64, null, null, null, null),
                new NewCollection.Field("e", "Array", 8, "VarChar", 16, true, "tags"));

        assertThat(ScalarFields.describe(fields.get(0))).containsExactly(Map.entry("autoId", false),
                Map.entry("description", ""), Map.entry("name", "d"), Map.entry("partitionKey", false),
                Map.entry("primaryKey", false), Map.entry("type", "VarChar(64)"));
        assertThat(ScalarFields.describe(fields.get(1))).containsExactly(Map.entry("autoId", false),
                Map.entry("description", "tags"), Map.entry("elementType", "VarChar"), Map.entry("maxCapacity", 16),
                Map.entry("maxLength", 8), Map.entry("name", "e"), Map.entry("nullable", true),
                Map.entry("partitionKey", false), Map.entry("primaryKey", false), Map.entry("type", "Array"));
    }

    @Test
    void missingNameOrTypeIsAMissingParameter() {
        assertRejected(ErrorCode.MISSING_PARAMETER, "[fields[1].name]", spec("a", "Bool"), spec(null, "Bool"));
        assertRejected(ErrorCode.MISSING_PARAMETER, "[fields[0].type]", spec("a", ""));
        assertRejected(ErrorCode.MISSING_PARAMETER, "[fields[0].name, fields[0].type]", spec("", null));
        assertRejected(ErrorCode.MISSING_PARAMETER, "[fields[0].name, fields[0].type]", (NewCollection.Field) null);
    }

    @Test
    void invalidSpecsAreInvalidParametersNamingTheFieldIndex() {
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[2]: maxLength is required for VarChar",
                spec("a", "Bool"), spec("b", "Int8"), spec("c", "VarChar"));
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[0]: maxLength 65536 is out of range [1, 65535]",
                new NewCollection.Field("a", "VarChar", 65536, null, null, null, null));
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[0]: maxLength 0 is out of range [1, 65535]",
                new NewCollection.Field("a", "VarChar", 0, null, null, null, null));
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[0]: type 'Int128' is not supported; use Bool",
                spec("a", "Int128"));
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[0]: type 'FloatVector' is not supported",
                spec("a", "FloatVector"));
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[0]: elementType is required for Array",
                new NewCollection.Field("a", "Array", null, null, 4, null, null));
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[0]: elementType 'JSON' is not supported",
                new NewCollection.Field("a", "Array", null, "JSON", 4, null, null));
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[0]: elementType 'Array' is not supported",
                new NewCollection.Field("a", "Array", null, "Array", 4, null, null));
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[0]: maxCapacity is required for Array",
                new NewCollection.Field("a", "Array", null, "Int64", null, null, null));
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[0]: maxCapacity 4097 is out of range [1, 4096]",
                new NewCollection.Field("a", "Array", null, "Int64", 4097, null, null));
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[0]: maxLength is required for an Array of VarChar",
                new NewCollection.Field("a", "Array", null, "VarChar", 4, null, null));
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[0]: maxLength applies only to VarChar fields",
                new NewCollection.Field("a", "Int64", 10, null, null, null, null));
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[0]: maxLength applies only to VarChar fields",
                new NewCollection.Field("a", "Array", 10, "Int64", 4, null, null));
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[0]: elementType applies only to Array fields",
                new NewCollection.Field("a", "Int64", null, "Int64", null, null, null));
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[0]: maxCapacity applies only to Array fields",
                new NewCollection.Field("a", "JSON", null, null, 3, null, null));
    }

    @Test
    void namesFollowTheCollectionNameRuleAndAreUnique() {
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[0].name '1a' is invalid", spec("1a", "Bool"));
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[0].name '$meta' is invalid", spec("$meta", "JSON"));
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[1]: name 'id' is the primary key field's name",
                spec("a", "Bool"), spec("id", "Int64"));
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[0]: name 'vector' is the vector field's name",
                spec("vector", "JSON"));
        assertRejected(ErrorCode.INVALID_PARAMETER, "fields[2]: name 'a' repeats fields[0]",
                spec("a", "Bool"), spec("b", "Bool"), spec("a", "Int8"));
    }

    @Test
    void atMostSixtyFourFieldsAreAllowed() {
        List<NewCollection.Field> fields = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            fields.add(spec("f" + i, "Int8"));
        }
        assertThat(ScalarFields.validate(fields, "id", "vector")).hasSize(64);

        fields.add(spec("f64", "Int8"));
        assertThatThrownBy(() -> ScalarFields.validate(fields, "id", "vector"))
                .isInstanceOf(QuiverException.class)
                .hasMessageContaining("fields: at most 64 scalar fields are allowed, got 65");
    }
}
