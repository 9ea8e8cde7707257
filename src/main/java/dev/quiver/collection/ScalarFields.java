package dev.quiver.collection;

import dev.quiver.error.QuiverException;
import dev.quiver.store.ScalarType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code fields} create extension: validates the declared typed scalar fields and renders
 * them for describe. Errors are code 1100 (1802 for a missing name or type) and start with
 * {@code fields[i]} so the client sees which declaration is at fault.
 */
final class ScalarFields {

    static final int MAX_FIELDS = 64;
    static final int MAX_CAPACITY = 4096;

    private static final String TYPES = "Bool, Int8, Int16, Int32, Int64, Float, Double, VarChar, JSON or Array";
    private static final String ELEMENT_TYPES = "Bool, Int8, Int16, Int32, Int64, Float, Double or VarChar";

    private ScalarFields() {
    }

    /** The validated fields, in declared order; empty when none are declared. */
    static List<ScalarField> validate(List<NewCollection.Field> declared, String primaryField, String vectorField) {
        if (declared == null || declared.isEmpty()) {
            return List.of();
        }
        if (declared.size() > MAX_FIELDS) {
            throw QuiverException.invalid("fields: at most " + MAX_FIELDS + " scalar fields are allowed, got "
                    + declared.size());
        }
        List<ScalarField> fields = new ArrayList<>(declared.size());
        Map<String, Integer> indexByName = new HashMap<>();
        for (int i = 0; i < declared.size(); i++) {
            ScalarField field = field(declared.get(i), "fields[" + i + "]");
            String where = "fields[" + i + "]: ";
            if (field.name().equals(primaryField)) {
                throw QuiverException.invalid(where + "name '" + field.name() + "' is the primary key field's name");
            }
            if (field.name().equals(vectorField)) {
                throw QuiverException.invalid(where + "name '" + field.name() + "' is the vector field's name");
            }
            Integer earlier = indexByName.putIfAbsent(field.name(), i);
            if (earlier != null) {
                throw QuiverException.invalid(where + "name '" + field.name() + "' repeats fields[" + earlier + "]");
            }
            fields.add(field);
        }
        return fields;
    }

    private static ScalarField field(NewCollection.Field spec, String at) {
        if (spec == null) {
            throw QuiverException.missing(at + ".name", at + ".type");
        }
        boolean noName = Names.isBlank(spec.name());
        boolean noType = Names.isBlank(spec.type());
        if (noName || noType) {
            throw noName && noType ? QuiverException.missing(at + ".name", at + ".type")
                    : QuiverException.missing(at + (noName ? ".name" : ".type"));
        }
        String name = Names.require(at + ".name", spec.name());
        String where = at + ": ";
        ScalarType type = ScalarType.fromWireName(spec.type());
        if (type == null) {
            throw QuiverException.invalid(where + "type '" + abbreviate(spec.type()) + "' is not supported; use "
                    + TYPES);
        }
        ScalarType elementType = null;
        int maxCapacity = 0;
        if (type == ScalarType.ARRAY) {
            elementType = elementType(spec.elementType(), where);
            maxCapacity = bounded(spec.maxCapacity(), "maxCapacity", MAX_CAPACITY, "Array", where);
        } else if (spec.elementType() != null || spec.maxCapacity() != null) {
            throw QuiverException.invalid(where + (spec.elementType() != null ? "elementType" : "maxCapacity")
                    + " applies only to Array fields");
        }
        int maxLength = 0;
        if (type == ScalarType.VARCHAR || elementType == ScalarType.VARCHAR) {
            maxLength = bounded(spec.maxLength(), "maxLength", CollectionService.MAX_VARCHAR_LENGTH,
                    type == ScalarType.VARCHAR ? "VarChar" : "an Array of VarChar", where);
        } else if (spec.maxLength() != null) {
            throw QuiverException.invalid(where + "maxLength applies only to VarChar fields and Arrays of VarChar");
        }
        return new ScalarField(name, type, maxLength, elementType, maxCapacity,
                spec.nullable() != null && spec.nullable(), spec.description() == null ? "" : spec.description());
    }

    private static ScalarType elementType(String requested, String where) {
        if (Names.isBlank(requested)) {
            throw QuiverException.invalid(where + "elementType is required for Array");
        }
        ScalarType elementType = ScalarType.fromWireName(requested);
        if (elementType == null || !elementType.isElementType()) {
            throw QuiverException.invalid(where + "elementType '" + abbreviate(requested) + "' is not supported; use "
                    + ELEMENT_TYPES);
        }
        return elementType;
    }

    private static int bounded(Integer value, String what, int max, String type, String where) {
        if (value == null) {
            throw QuiverException.invalid(where + what + " is required for " + type);
        }
        if (value < 1 || value > max) {
            throw QuiverException.invalid(where + what + " " + value + " is out of range [1, " + max + "]");
        }
        return value;
    }

    /** One field as describe shows it: Milvus's keys in alphabetical order, as its Go maps print them. */
    static Map<String, Object> describe(ScalarField field) {
        Map<String, Object> described = new TreeMap<>();
        described.put("autoId", false);
        described.put("description", field.description());
        described.put("name", field.name());
        described.put("partitionKey", false);
        described.put("primaryKey", false);
        described.put("type", field.describedType());
        if (field.type() == ScalarType.ARRAY) {
            described.put("elementType", field.elementType().wireName());
            described.put("maxCapacity", field.maxCapacity());
            if (field.elementType() == ScalarType.VARCHAR) {
                described.put("maxLength", field.maxLength());
            }
        }
        if (field.nullable()) {
            described.put("nullable", true);
        }
        return described;
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
