package io.salesrisk.common.persistence;

/** A statement the database refused or could not run; the one place SQLExceptions become unchecked. */
public class DataAccessException extends RuntimeException {

    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
