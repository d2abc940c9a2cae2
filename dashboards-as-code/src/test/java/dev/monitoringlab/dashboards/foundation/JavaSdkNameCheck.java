package dev.monitoringlab.dashboards.foundation;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares one class of the mirror with the Java SDK's API ({@link JavaSdkApi}): after the prefix swap
 * ({@code dev.monitoringlab.dashboards.foundation.X} is {@code com.grafana.foundation.X}) the type exists, its
 * declaration (kind, superclass, interfaces) is the SDK's, and each public constructor, method and field has a
 * line in api.txt with the same signature: name, parameter types in order, return or field type, static and
 * final. Left out, as api.txt lists them not: enum constants and the values()/valueOf() every enum has.
 */
final class JavaSdkNameCheck {
    static final String MIRROR_PREFIX = JavaSdkNameCheck.class.getPackageName() + ".";

    private JavaSdkNameCheck() {
    }

    /** "dashboard.DashboardBuilder" for a class of the mirror. */
    static String shortName(Class<?> mirror) {
        return mirror.getName().substring(MIRROR_PREFIX.length());
    }

    /** Problems of a class of the mirror, compared with the SDK type of the same name. */
    static List<String> problems(Class<?> mirror, JavaSdkApi api) {
        return problems(mirror, shortName(mirror), api);
    }

    /** Problems of {@code mirror}, compared with the SDK type {@code sdkName} ("timeseries.TimeseriesPanelBuilder"). */
    static List<String> problems(Class<?> mirror, String sdkName, JavaSdkApi api) {
        List<String> problems = new ArrayList<>();
        String sdkType = JavaSdkApi.SDK_PREFIX + sdkName;
        if (!api.hasType(sdkType)) {
            problems.add(sdkName + ": no such type in the Java SDK (api.txt has no " + sdkType + ")");
            return problems;
        }
        Set<String> declared;
        try {
            declared = api.canonical(sdkType);
        } catch (IllegalStateException e) {
            problems.add(sdkName + ": " + e.getMessage());
            return problems;
        }
        String simple = JavaSdkApi.simpleName(sdkName);
        for (Member m : members(mirror, simple)) {
            // Checked under the name it is compared with (the same for the mirror's own classes).
            String signature = m.signature().replace(type(mirror), sdkType);
            if (!declared.contains(signature)) {
                List<String> sameName = api.declared(sdkType).stream().filter(d -> names(d, m))
                        .collect(Collectors.toList());
                problems.add(sdkName + (m.kind() == Kind.DECLARATION ? "" : m.kind() == Kind.CONSTRUCTOR
                        ? " constructor" : "." + m.name()) + ": `" + readable(signature) + "` is not in the Java SDK"
                        + (sameName.isEmpty() ? " (api.txt has no member of that name)" : "; api.txt has " + sameName));
            }
        }
        return problems;
    }

    private static boolean names(String declaration, Member m) {
        String name = java.util.regex.Pattern.quote(m.name());
        return switch (m.kind()) {
            case DECLARATION -> declaration.matches("(\\w+ )*(class|interface|enum) " + name + "\\b.*");
            case CONSTRUCTOR -> declaration.matches("public " + name + "\\(.*");
            case METHOD -> declaration.matches(".* " + name + "\\(.*");
            case FIELD -> declaration.matches("[^(]* " + name + "( = .*|;)");
        };
    }

    enum Kind { DECLARATION, CONSTRUCTOR, METHOD, FIELD }

    /** A public member of the mirror: its kind, name and canonical signature. */
    record Member(Kind kind, String name, String signature) {
    }

    /** The declaration and every public constructor, method and field declared by {@code c}, as api.txt would list them. */
    static List<Member> members(Class<?> c, String simpleName) {
        List<Member> out = new ArrayList<>();
        out.add(new Member(Kind.DECLARATION, simpleName, declaration(c, simpleName)));
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (Modifier.isPublic(k.getModifiers()) && !k.isSynthetic()) {
                out.add(new Member(Kind.CONSTRUCTOR, simpleName, "public " + simpleName + "(" + types(k.getGenericParameterTypes()) + ")"));
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || m.isBridge() || enumImplicit(c, m)) {
                continue;
            }
            out.add(new Member(Kind.METHOD, m.getName(), "public " + (Modifier.isStatic(m.getModifiers()) ? "static " : "")
                    + type(m.getGenericReturnType()) + " " + m.getName() + "(" + types(m.getGenericParameterTypes()) + ")"));
        }
        for (Field f : c.getDeclaredFields()) {
            if (!Modifier.isPublic(f.getModifiers()) || f.isSynthetic() || f.isEnumConstant()) {
                continue;
            }
            boolean isStatic = Modifier.isStatic(f.getModifiers());
            boolean isFinal = Modifier.isFinal(f.getModifiers());
            String init = null;
            if (isStatic && isFinal && f.getType() == String.class) {
                try {
                    init = "\"" + f.get(null) + "\"";
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
            out.add(new Member(Kind.FIELD, f.getName(), JavaSdkApi.field(isStatic, isFinal, type(f.getGenericType()), f.getName(), init)));
        }
        return out;
    }

    private static boolean enumImplicit(Class<?> c, Method m) {
        return c.isEnum() && Modifier.isStatic(m.getModifiers())
                && (m.getName().equals("values") && m.getParameterCount() == 0
                || m.getName().equals("valueOf") && Arrays.equals(m.getParameterTypes(), new Class<?>[] {String.class}));
    }

    /** "public class X extends Y implements Z<W>", "public interface Builder<T>", "public enum E". */
    static String declaration(Class<?> c, String simpleName) {
        StringBuilder s = new StringBuilder("public ");
        if (c.isInterface()) {
            s.append("interface ");
        } else if (c.isEnum()) {
            s.append("enum ");
        } else {
            s.append(Modifier.isAbstract(c.getModifiers()) ? "abstract " : "")
                    .append(Modifier.isFinal(c.getModifiers()) ? "final " : "").append("class ");
        }
        s.append(simpleName);
        TypeVariable<?>[] params = c.getTypeParameters();
        if (params.length > 0) {
            s.append('<').append(Arrays.stream(params).map(TypeVariable::getName).collect(Collectors.joining(","))).append('>');
        }
        if (!c.isInterface() && !c.isEnum() && c.getGenericSuperclass() != Object.class) {
            s.append(" extends ").append(type(c.getGenericSuperclass()));
        }
        Type[] interfaces = c.getGenericInterfaces();
        if (interfaces.length > 0) {
            s.append(c.isInterface() ? " extends " : " implements ").append(types(interfaces));
        }
        return s.toString();
    }

    private static String types(Type[] types) {
        return Arrays.stream(types).map(JavaSdkNameCheck::type).collect(Collectors.joining(","));
    }

    /** A type as api.txt's canonical form has it: the mirror's package swapped for the SDK's, java.* simple. */
    static String type(Type t) {
        return t.getTypeName()
                .replace(MIRROR_PREFIX, JavaSdkApi.SDK_PREFIX)
                .replaceAll("\\bjava\\.(lang|util)\\.(?=[A-Z])", "")
                .replaceAll("\\s*,\\s*", ",");
    }

    /** A canonical signature without the SDK's package prefix, for messages. */
    static String readable(String signature) {
        return signature.replace(JavaSdkApi.SDK_PREFIX, "");
    }
}
