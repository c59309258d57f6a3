package io.restake4j.codegen;

/** A generation problem that must fail the build, with a message naming the input at fault. */
public final class CodegenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CodegenException(String message) {
        super(message);
    }

    public CodegenException(String message, Throwable cause) {
        super(message, cause);
    }
}
