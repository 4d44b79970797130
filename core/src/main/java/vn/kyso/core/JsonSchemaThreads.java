package vn.kyso.core;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes DSS's JSON-schema checks of JAdES signatures safe to run on several threads at once.
 *
 * <p>DSS keeps one json-sKema {@code Validator} per schema in process-wide singletons
 * ({@code JAdESUtils}, {@code JAdESProtectedHeaderUtils}, …) and calls it from every signing and validation
 * thread; json-sKema's validator keeps its traversal state in the instance and is not thread-safe
 * (erosb/json-sKema#209, whose maintainer advises one validator per validation). Concurrent JAdES
 * requests then fail at random with {@code IllegalStateException} or a schema error naming the payload.
 * Each singleton's validator is replaced here by one that hands every thread a validator of its own for
 * the same schema. Reflection by name keeps DSS and json-sKema types out of core; it runs once per
 * process and is a no-op where those classes are absent.
 */
public final class JsonSchemaThreads {

    private static final Logger log = LoggerFactory.getLogger(JsonSchemaThreads.class);

    /** The DSS schema singletons whose validators are shared; those not on the class path are skipped. */
    private static final List<String> SINGLETONS = List.of(
            "eu.europa.esig.jades.JAdESUtils",
            "eu.europa.esig.jades.JAdESProtectedHeaderUtils",
            "eu.europa.esig.jades.JAdESUnprotectedHeaderUtils",
            "eu.europa.esig.jws.JWSUtils",
            "eu.europa.esig.jws.JWSProtectedHeaderUtils",
            "eu.europa.esig.jws.JWSUnprotectedHeaderUtils");

    private static final String BASE = "eu.europa.esig.json.JSONSchemaAbstractUtils";
    private static final String VALIDATOR = "com.github.erosb.jsonsKema.Validator";
    private static final String SCHEMA = "com.github.erosb.jsonsKema.Schema";

    private static boolean installed;

    private JsonSchemaThreads() {
    }

    /** Installs the per-thread validators; safe to call from every module that builds a DSS service. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        ClassLoader loader = JsonSchemaThreads.class.getClassLoader();
        Class<?> base;
        Class<?> validatorType;
        Class<?> schemaType;
        try {
            base = Class.forName(BASE, false, loader);
            validatorType = Class.forName(VALIDATOR, false, loader);
            schemaType = Class.forName(SCHEMA, false, loader);
        } catch (ClassNotFoundException e) {
            return; // no JAdES on this class path
        }
        for (String name : SINGLETONS) {
            try {
                Class<?> type = Class.forName(name, true, loader);
                Object singleton = type.getMethod("getInstance").invoke(null);
                Method getSchema = base.getDeclaredMethod("getSchema");
                getSchema.setAccessible(true);
                Object schema = getSchema.invoke(singleton);
                Method forSchema = validatorType.getMethod("forSchema", schemaType);
                Field field = base.getDeclaredField("validator");
                field.setAccessible(true);
                field.set(singleton, perThread(validatorType, loader, () -> forSchema.invoke(null, schema)));
            } catch (ClassNotFoundException e) {
                // this DSS version has no such singleton
            } catch (ReflectiveOperationException | RuntimeException e) {
                // DSS changed its internals: say so loudly, the concurrency test names the consequence
                log.warn("could not give {} a validator per thread; concurrent JAdES checks may fail", name, e);
            }
        }
    }

    private interface Factory {
        Object create() throws ReflectiveOperationException;
    }

    private static Object perThread(Class<?> validatorType, ClassLoader loader, Factory factory) {
        ThreadLocal<Object> own = ThreadLocal.withInitial(() -> {
            try {
                return factory.create();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("json-sKema validator could not be created", e);
            }
        });
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "per-thread " + validatorType.getSimpleName();
                };
            }
            try {
                return method.invoke(own.get(), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return Proxy.newProxyInstance(loader, new Class<?>[] {validatorType}, handler);
    }
}
