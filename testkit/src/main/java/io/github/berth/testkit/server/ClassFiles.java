package io.github.berth.testkit.server;

import io.github.berth.core.Nullable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a method's descriptor from a class file, without loading the types of the class's other
 * methods (which reflection would, and which fails when an optional dependency is absent).
 */
final class ClassFiles {

  private ClassFiles() {}

  /** The descriptor ({@code ()Lpkg/Type;}) of the first public method named {@code name}, or null. */
  static @Nullable String descriptorOf(Class<?> type, String name) {
    String resource = type.getSimpleName() + ".class";
    try (InputStream raw = type.getResourceAsStream(resource)) {
      if (raw == null) {
        return null;
      }
      DataInputStream in = new DataInputStream(raw);
      in.readInt(); // magic
      in.readUnsignedShort(); // minor
      in.readUnsignedShort(); // major
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
          case 5, 6 -> {
            in.skipNBytes(8);
            i++; // a long or double takes two entries
          }
          case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
          case 15 -> in.skipNBytes(3);
          default -> throw new IOException("unknown constant pool tag " + tag);
        }
      }
      in.skipNBytes(6); // access flags, this class, super class
      in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
      skipMembers(in); // fields
      int methods = in.readUnsignedShort();
      for (int m = 0; m < methods; m++) {
        int access = in.readUnsignedShort();
        String n = utf8[in.readUnsignedShort()];
        String d = utf8[in.readUnsignedShort()];
        skipAttributes(in);
        if ((access & 0x0001) != 0 && name.equals(n)) {
          return d;
        }
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static void skipMembers(DataInputStream in) throws IOException {
    int n = in.readUnsignedShort();
    for (int i = 0; i < n; i++) {
      in.skipNBytes(6);
      skipAttributes(in);
    }
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int n = in.readUnsignedShort();
    for (int i = 0; i < n; i++) {
      in.skipNBytes(2);
      in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
    }
  }
}
