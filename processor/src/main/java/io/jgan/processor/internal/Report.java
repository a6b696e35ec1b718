package io.jgan.processor.internal;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The problems found in one spec, gathered rather than thrown so that the user sees all of them in
 * one compile; printed once, and a spec with any error is not generated.
 */
public final class Report {
    private record Entry(String message, Element element, AnnotationMirror annotation, AnnotationValue value) {}

    private final List<Entry> errors = new ArrayList<>();

    /** An error on an element. */
    public void error(String message, Element element) {
        errors.add(new Entry(message, element, null, null));
    }

    /** An error on one annotation of an element, and on one of its values if {@code value} is not null. */
    public void error(String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
        errors.add(new Entry(message, element, annotation, value));
    }

    /** How many problems were reported so far. */
    public int errorCount() {
        return errors.size();
    }

    /** Whether anything was reported. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Prints every problem through javac. */
    public void print(Messager messager) {
        for (Entry e : errors) {
            if (e.annotation == null) {
                messager.printMessage(Diagnostic.Kind.ERROR, e.message, e.element);
            } else if (e.value == null) {
                messager.printMessage(Diagnostic.Kind.ERROR, e.message, e.element, e.annotation);
            } else {
                messager.printMessage(Diagnostic.Kind.ERROR, e.message, e.element, e.annotation, e.value);
            }
        }
    }
}
