package io.newsflow.serde.registry;

/** A schema-registry call failed. {@link #kind()} tells callers (and tests) what went wrong without parsing text. */
public class SchemaRegistryException extends RuntimeException {

    /** The failure classes a caller can act on differently. */
    public enum Kind {
        /** The registry could not be reached at all (connection refused, timeout, DNS). */
        UNREACHABLE,
        /** The registry refused a schema as incompatible with the subject's history (HTTP 409). */
        INCOMPATIBLE,
        /** Unknown subject, version or schema id (HTTP 404). */
        NOT_FOUND,
        /** The registry refused the schema as invalid (HTTP 422). */
        INVALID,
        /** Authentication or authorization failed (HTTP 401/403). */
        UNAUTHORIZED,
        /** Any other error answer. */
        ERROR
    }

    private final Kind kind;
    private final int status;
    private final int errorCode;

    public SchemaRegistryException(Kind kind, int status, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(Kind kind, String message) {
        this(kind, -1, -1, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status of the answer, or -1 when there was none. */
    public int status() {
        return status;
    }

    /** The registry's {@code error_code}, or -1 when there was none. */
    public int errorCode() {
        return errorCode;
    }
}
