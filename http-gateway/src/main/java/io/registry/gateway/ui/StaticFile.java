package io.registry.gateway.ui;

/**
 * One file of the UI as it is served: its bytes, its Content-Type and a strong ETag (a hash
 * of the bytes, so a rebuilt jar with changed files never serves a stale copy).
 */
record StaticFile(byte[] bytes, String contentType, String etag) {}
