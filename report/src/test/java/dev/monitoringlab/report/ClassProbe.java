package dev.monitoringlab.report;

/**
 * Run in a fresh JVM with a chosen class path: exits 0 when the named class loads, 3 when it does not, and prints
 * where it came from. The Java counterpart of "is this package installed in the venv or on the host?".
 */
public final class ClassProbe {
    private ClassProbe() {
    }

    public static void main(String[] args) {
        try {
            Class<?> c = Class.forName(args[0], false, ClassProbe.class.getClassLoader());
            System.out.println(args[0] + " loads from " + c.getProtectionDomain().getCodeSource().getLocation());
            System.exit(0);
        } catch (ClassNotFoundException e) {
            System.out.println(args[0] + " is not on this class path");
            System.exit(3);
        }
    }
}
