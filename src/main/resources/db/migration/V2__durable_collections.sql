-- Quiver becomes durable: the relational store holds every collection and every entity version;
-- memory is rebuilt from it at start. Portable across H2 and PostgreSQL (BYTEA and TEXT are
-- BINARY VARYING and CHARACTER VARYING in H2).

-- V1's soft_delete table stays as it is, unused from now on: it records deletes from the
-- memory-only era, of rows that were never stored, so they can be neither replayed nor restored,
-- but they remain an audit record for whoever upgraded.

CREATE TABLE collection_def (
    id          BIGINT                   NOT NULL PRIMARY KEY,
    db_name     VARCHAR(255)             NOT NULL,
    name        VARCHAR(255)             NOT NULL,
    -- The full schema as JSON (dev.quiver.collection.CollectionSchema).
    schema_json TEXT                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Highest auto id handed out for this collection, so ids are never reused after a restart,
    -- even when the clock went back or the versions holding them were purged.
    auto_id_high_water BIGINT NOT NULL DEFAULT 0,
    -- Where the collection's history stands, so writes continue after it at a restart (even
    -- when the newest versions were purged): the highest version number and write time so far.
    last_version       BIGINT NOT NULL DEFAULT 0,
    last_write_at      BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT collection_def_name UNIQUE (db_name, name)
);

-- One row per version of an entity: an insert, an upsert or a restore writes a new version.
-- version numbers grow in commit order per collection, which is the order recovery replays.
CREATE TABLE entity_version (
    collection_id BIGINT                   NOT NULL,
    version       BIGINT                   NOT NULL,
    primary_key   VARCHAR(65535)           NOT NULL,
    -- float32 components, little-endian, 4 bytes each.
    vector        BYTEA                    NOT NULL,
    -- Typed scalar and dynamic fields as one JSON object; null when the row has none.
    fields        TEXT,
    inserted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Set when this version restores a deleted one.
    restored_from BIGINT,
    restored_by   VARCHAR(255),
    PRIMARY KEY (collection_id, version)
);

-- One row per soft delete, naming the exact version it ended (an upsert ends the version it
-- replaces in the same transaction that writes the new one).
CREATE TABLE entity_deletion (
    collection_id BIGINT                   NOT NULL,
    version       BIGINT                   NOT NULL,
    primary_key   VARCHAR(65535)           NOT NULL,
    deleted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_by    VARCHAR(255)             NOT NULL,
    request_id    VARCHAR(64)              NOT NULL,
    PRIMARY KEY (collection_id, version)
);

CREATE INDEX entity_deletion_time ON entity_deletion (collection_id, deleted_at);
CREATE INDEX entity_deletion_key ON entity_deletion (collection_id, primary_key);
