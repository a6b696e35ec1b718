package io.jgan.data.idx;

import java.io.IOException;

/**
 * Thrown when no training data can be found; the message explains how to get some.
 */
public class MissingDataException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was looked for, where, and how to get the data
     */
    public MissingDataException(String message) {
        super(message);
    }
}
