package io.jgan.processor.testing;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The little of a class file the tests need: the class's name and each method's bytecode length
 * (the Code attribute's {@code code_length}, which HotSpot compares with its 8000-byte
 * {@code DontCompileHugeMethods} limit). JVMS chapter 4; everything else is skipped.
 *
 * @param name the binary name with dots, e.g. {@code io.jgan.samples.even.EvenNumbers_Generator}
 * @param methods every method, in class-file order
 */
public record ClassFile(String name, List<Method> methods) {

    /** HotSpot does not JIT-compile a method whose bytecode is longer than this. */
    public static final int HUGE_METHOD_LIMIT = 8000;

    /**
     * One method.
     *
     * @param name e.g. {@code hiddenForward}, {@code <init>}, {@code <clinit>}
     * @param descriptor e.g. {@code (I)V}
     * @param codeLength bytes of bytecode; 0 for an abstract or native method
     */
    public record Method(String name, String descriptor, int codeLength) {}

    private static final int UTF8 = 1;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;

    /** Parses a class file. */
    public static ClassFile parse(byte[] bytes) {
        try {
            return read(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("not a class file", e);
        }
    }

    private static ClassFile read(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("bad magic number");
        }
        in.readUnsignedShort(); // minor_version
        in.readUnsignedShort(); // major_version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        for (int k = 1; k < count; k++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case UTF8 -> utf8[k] = in.readUTF();
                case 7 -> classNameIndex[k] = in.readUnsignedShort(); // Class
                case 8, 16, 19, 20 -> in.skipNBytes(2); // String, MethodType, Module, Package
                case 15 -> in.skipNBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4); // Integer, Float, refs, NameAndType, (Invoke)Dynamic
                case LONG, DOUBLE -> {
                    in.skipNBytes(8);
                    k++; // an 8-byte constant takes two slots
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at " + k);
            }
        }
        in.readUnsignedShort(); // access_flags
        String name = utf8[classNameIndex[in.readUnsignedShort()]].replace('/', '.');
        in.readUnsignedShort(); // super_class
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
        int fields = in.readUnsignedShort();
        for (int f = 0; f < fields; f++) {
            in.skipNBytes(6); // access_flags, name_index, descriptor_index
            skipAttributes(in);
        }
        int methodCount = in.readUnsignedShort();
        List<Method> methods = new ArrayList<>(methodCount);
        for (int m = 0; m < methodCount; m++) {
            in.readUnsignedShort(); // access_flags
            String methodName = utf8[in.readUnsignedShort()];
            String descriptor = utf8[in.readUnsignedShort()];
            int codeLength = 0;
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if (attribute.equals("Code")) {
                    in.skipNBytes(4); // max_stack, max_locals
                    codeLength = in.readInt();
                    in.skipNBytes(length - 8L);
                } else {
                    in.skipNBytes(length);
                }
            }
            methods.add(new Method(methodName, descriptor, codeLength));
        }
        return new ClassFile(name, List.copyOf(methods));
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.skipNBytes(2);
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }

    /** The method with this name (the first, if overloaded). */
    public Method method(String methodName) {
        return methods.stream().filter(m -> m.name().equals(methodName)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " has no method " + methodName + "; it has " + methods));
    }

    /** Methods HotSpot would leave interpreted: bytecode longer than {@link #HUGE_METHOD_LIMIT}. */
    public List<Method> hugeMethods() {
        return methods.stream().filter(m -> m.codeLength() > HUGE_METHOD_LIMIT).toList();
    }
}
