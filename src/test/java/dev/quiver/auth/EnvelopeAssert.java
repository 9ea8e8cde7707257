package dev.quiver.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.auth.HttpApi.Reply;
import tools.jackson.databind.JsonNode;

/** Assertions on the Milvus v1 envelope of a real HTTP answer. */
public final class EnvelopeAssert {

    private EnvelopeAssert() {
    }

    /** HTTP 200 with {@code {"code":200,"data":...}}; returns {@code data}. */
    public static JsonNode assertOk(Reply reply) {
        assertThat(reply.status()).as("HTTP status of %s", reply.body()).isEqualTo(200);
        assertThat(reply.code()).as("code of %s", reply.body()).isEqualTo(200);
        assertThat(reply.json().has("data")).as("data in %s", reply.body()).isTrue();
        return reply.json().get("data");
    }

    /** HTTP 401 with exactly {@code {"code":1800,"message":"user hasn't authenticated"}}. */
    static void assertUnauthenticated(Reply reply) {
        assertError(reply, 401, 1800);
        assertThat(reply.message()).isEqualTo("user hasn't authenticated");
    }

    /** HTTP 403 with code 1401 and a message saying the privilege is not permitted. */
    static void assertForbidden(Reply reply) {
        assertError(reply, 403, 1401);
        assertThat(reply.message()).startsWith("privilege not permitted");
    }

    /** The given HTTP status and an error envelope: a code, a message, and no data. */
    public static void assertError(Reply reply, int status, int code) {
        assertThat(reply.status()).as("HTTP status of %s", reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode json = reply.json();
        assertThat(json.get("code").intValue()).as("code of %s", reply.body()).isEqualTo(code);
        assertThat(json.get("message").isString()).isTrue();
        assertThat(json.has("data")).isFalse();
    }
}
