package io.jgan.processor.internal.layers;

import io.jgan.processor.spi.Attribute;
import io.jgan.processor.spi.LayerSpec;

/** What the layers reading the {@code @Condition} label share: the check of their class count. */
final class LabelLayers {
    static final Attribute<Integer> CLASSES = Attribute.ofInt("classes");

    private LabelLayers() {}

    /** Reports a label layer in a network without a condition, or with another class count; {@return whether it is right} */
    static boolean checkClasses(LayerSpec layer, String annotation) {
        int classes = layer.get(CLASSES);
        if (layer.conditionClasses() == 0) {
            layer.error(LayerMessage.LABEL_WITHOUT_CONDITION.format(layer.name(), annotation, Math.max(2, classes)));
            return false;
        }
        if (classes != layer.conditionClasses()) {
            layer.error(CLASSES, LayerMessage.LABEL_CLASSES.format(layer.name(), annotation, classes,
                    layer.conditionClasses()));
            return false;
        }
        return true;
    }
}
