package io.registry.catalog.model;

/**
 * A key/value row. value is null when the key holds no value (Consul's JSON null);
 * session is null when the key is not locked. flags and indexes are unsigned 64-bit.
 */
public record KvEntry(
    String key,
    byte[] value,
    long flags,
    String session,
    long lockIndex,
    long createIndex,
    long modifyIndex) {}
