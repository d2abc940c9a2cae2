package dev.monitoringlab.dashboards.foundation;

import dev.monitoringlab.dashboards.foundation.cog.Builder;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares one class of the Java mirror with the SDK's TypeScript declarations of the same module: the class
 * exists, each public method and constructor exists with as many parameters, and each parameter has a
 * compatible kind (String - string, boxed number - number, Boolean - boolean, {@code cog.Builder<X>} -
 * {@code cog.Builder<m.X>}, {@code List<X>} - {@code X[]}, an enum or model type - the type of that name).
 */
final class SdkNameCheck {
    /**
     * Java names for what the TypeScript flavour declares without a name of its own, and why. The generator's
     * Java target names anonymous structs after their place (Dashboard.time is DashboardDashboardTime) and
     * gives them builders; TypeScript writes them inline. Unions become classes with create* factories in Java.
     */
    static final Map<String, String> JAVA_ONLY = Map.of(
            "dashboard.DashboardDashboardTime", "TypeScript declares Dashboard.time inline as {from, to}",
            "dashboard.DashboardDashboardTimeBuilder", "TypeScript's DashboardBuilder.time() takes {from, to} itself",
            "dashboard.DashboardDashboardTemplating", "TypeScript declares Dashboard.templating inline as {list}",
            "dashboard.PanelOrRowPanel", "TypeScript types Dashboard.panels as (Panel | RowPanel)[]",
            "dashboard.StringOrMap", "TypeScript writes the union string | Record<string, any>",
            "dashboard.StringOrArrayOfString", "TypeScript writes the union string | string[]",
            "common.BoolOrFloat64", "TypeScript writes the union boolean | number");

    /** The TypeScript union each Java union class stands for. */
    private static final Map<String, String> UNIONS = Map.of(
            "StringOrMap", "string | Record<string, any>",
            "StringOrArrayOfString", "string | string[]",
            "BoolOrFloat64", "boolean | number");

    /** Java-only structs that TypeScript declares inline: a builder of one matches an inline object type. */
    private static final List<String> INLINE_STRUCTS = List.of("DashboardDashboardTime");

    private SdkNameCheck() {
    }

    /** "dashboard", "cog.variants"... for a class of the mirror. */
    static String javaModule(Class<?> c) {
        return c.getPackageName().substring(Builder.class.getPackageName().length() - "cog".length());
    }

    /** The TypeScript module (folder) of a Java package of the mirror: cog.variants lives in cog. */
    static String tsModule(Class<?> c) {
        String m = javaModule(c);
        return m.contains(".") ? m.substring(0, m.indexOf('.')) : m;
    }

    static boolean isBuilder(Class<?> c) {
        return Builder.class.isAssignableFrom(c) && !c.isInterface();
    }

    /** Problems of one builder class, compared with the TypeScript class {@code tsName}. */
    static List<String> builderProblems(Class<?> java, String tsName, SdkDeclarations ts) {
        List<String> problems = new ArrayList<>();
        String where = ts.module + "." + tsName;
        SdkDeclarations.TsClass tsClass = ts.classes.get(tsName);
        if (tsClass == null) {
            problems.add(where + ": no such class in the TypeScript flavour");
            return problems;
        }
        for (Constructor<?> c : java.getConstructors()) {
            List<String> tsParams = tsClass.constructor() != null ? tsClass.constructor() : List.of();
            compare(problems, where + " constructor", c.getGenericParameterTypes(), tsParams);
        }
        for (Method m : publicMethods(java)) {
            String at = where + "." + m.getName() + "()";
            List<String> tsParams = tsClass.methods().get(m.getName());
            if (tsParams == null) {
                problems.add(at + ": no such method in the TypeScript flavour");
                continue;
            }
            if (m.getReturnType() != java) {
                problems.add(at + ": returns " + m.getReturnType().getSimpleName() + ", not the builder itself");
            }
            compare(problems, at, m.getGenericParameterTypes(), tsParams);
        }
        return problems;
    }

    /** The builder's own fluent methods: public, declared here, not build(). */
    static List<Method> publicMethods(Class<?> java) {
        return Arrays.stream(java.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !m.isSynthetic() && !m.isBridge() && !m.getName().equals("build"))
                .toList();
    }

    private static void compare(List<String> problems, String at, Type[] java, List<String> ts) {
        if (java.length != ts.size()) {
            problems.add(at + ": " + java.length + " parameter(s), TypeScript has " + ts.size() + " " + ts);
            return;
        }
        for (int i = 0; i < java.length; i++) {
            if (java[i] instanceof Class<?> c && c.isPrimitive()) {
                problems.add(at + ": parameter " + (i + 1) + " is the primitive " + c + "; the SDK takes boxed types");
            } else if (!compatible(java[i], ts.get(i))) {
                problems.add(at + ": parameter " + (i + 1) + " is " + java[i].getTypeName().replaceAll("[\\w.]+\\.", "")
                        + ", TypeScript has " + ts.get(i));
            }
        }
    }

    static boolean compatible(Type java, String tsType) {
        String ts = tsType.replaceAll("\\s+", " ").replaceAll(" \\| null$", "").trim();
        if (java instanceof ParameterizedType p) {
            Type arg = p.getActualTypeArguments()[0];
            String argName = simple(arg.getTypeName());
            if (p.getRawType() == Builder.class) {
                if (ts.startsWith("{")) {
                    return INLINE_STRUCTS.contains(argName);
                }
                return ts.startsWith("cog.Builder<") && ts.endsWith(">")
                        && simple(ts.substring("cog.Builder<".length(), ts.length() - 1)).equals(argName);
            }
            if (p.getRawType() == List.class) {
                return ts.endsWith("[]") && compatible(arg, ts.substring(0, ts.length() - 2));
            }
            return false;
        }
        Class<?> c = (Class<?>) java;
        if (c == String.class) {
            return ts.equals("string") || ts.matches("\"[^\"]*\"( \\| \"[^\"]*\")*");
        }
        if (Number.class.isAssignableFrom(c)) {
            return ts.equals("number");
        }
        if (c == Boolean.class) {
            return ts.equals("boolean");
        }
        if (UNIONS.containsKey(c.getSimpleName())) {
            return ts.equals(UNIONS.get(c.getSimpleName()));
        }
        return simple(ts).equals(c.getSimpleName());
    }

    private static String simple(String typeName) {
        String n = typeName.replace('$', '.');
        return n.substring(n.lastIndexOf('.') + 1);
    }

    /** Each Java constant exists in the TypeScript enum of the same name, with the same JSON value. */
    static List<String> enumProblems(Class<?> java, SdkDeclarations ts) {
        List<String> problems = new ArrayList<>();
        String where = ts.module + "." + java.getSimpleName();
        Map<String, String> members = ts.enums.get(java.getSimpleName());
        if (members == null) {
            problems.add(where + ": no such enum in the TypeScript flavour");
            return problems;
        }
        for (Object constant : java.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            String value = jsonValue(constant);
            String tsValue = members.entrySet().stream().filter(e -> upperSnake(e.getKey()).equals(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (tsValue == null) {
                problems.add(where + "." + name + ": no such member (TypeScript has " + members.keySet() + ")");
            } else if (!tsValue.equals(value)) {
                problems.add(where + "." + name + ": value " + value + ", TypeScript has " + tsValue);
            }
        }
        return problems;
    }

    private static String jsonValue(Object constant) {
        try {
            return String.valueOf(constant.getClass().getMethod("Value").invoke(constant));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(constant.getClass() + " has no Value() accessor", e);
        }
    }

    /** TypeScript's member names are PascalCase, the Java SDK's UPPER_SNAKE: LineAndArea is LINE_AND_AREA. */
    static String upperSnake(String pascal) {
        return pascal.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** Each public String constant exists as a TypeScript const of the same name and value. */
    static List<String> constantProblems(Class<?> java, SdkDeclarations ts) {
        List<String> problems = new ArrayList<>();
        for (Field f : java.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String value;
                try {
                    value = (String) f.get(null);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                String tsValue = ts.constants.get(f.getName());
                if (!value.equals(tsValue)) {
                    problems.add(ts.module + "." + f.getName() + ": \"" + value + "\", TypeScript has "
                            + (tsValue == null ? "no such constant" : "\"" + tsValue + "\""));
                }
            }
        }
        return problems;
    }
}
