package io.restake4j.devnet;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContextException;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;

/**
 * The JUnit 5 extension behind {@link DevnetTest @DevnetTest}; see there. Usable directly with
 * {@code @ExtendWith(DevnetExtension.class)}.
 *
 * <p>The devnet lives in the root {@link ExtensionContext.Store}, so JUnit closes it when the whole
 * run ends; a JVM shutdown hook and a watchdog cover runs that end otherwise.
 */
public final class DevnetExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    /** Name of the shared resource, for {@code @ResourceLock} under parallel execution. */
    public static final String RESOURCE = "io.restake4j.devnet";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DevnetExtension.class);
    private static final String DEVNET = "devnet";
    private static final String SNAPSHOT = "snapshot";
    /** The test (class or method) that holds the chain; other concurrent users are refused. */
    private static final AtomicReference<String> HOLDER = new AtomicReference<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        begin(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        end(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        begin(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        end(context);
    }

    private void begin(ExtensionContext context) {
        Devnet devnet = devnet(context);
        String holder = HOLDER.get();
        // A test may start while its own class holds the chain, never beside another test or class.
        if ((holder != null && !isAncestor(holder, context)) || !HOLDER.compareAndSet(holder, context.getUniqueId())) {
            throw new ExtensionContextException(context.getDisplayName() + " would run on the shared devnet while "
                    + HOLDER.get() + " is using it. With parallel execution, mark @DevnetTest classes "
                    + "@ResourceLock(DevnetExtension.RESOURCE) or @Isolated.");
        }
        try {
            context.getStore(NAMESPACE).put(SNAPSHOT, new Held(devnet.snapshot(), holder));
        } catch (RuntimeException e) {
            HOLDER.set(holder);
            throw e;
        }
    }

    private void end(ExtensionContext context) {
        Held held = context.getStore(NAMESPACE).remove(SNAPSHOT, Held.class);
        if (held == null) {
            return;
        }
        try {
            devnet(context).revert(held.snapshot());
        } finally {
            HOLDER.set(held.previousHolder());
        }
    }

    private static boolean isAncestor(String holder, ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (holder.equals(c.getUniqueId())) {
                return true;
            }
        }
        return false;
    }

    private record Held(Devnet.Snapshot snapshot, String previousHolder) {
    }

    /** The JVM-wide devnet, started on first use. */
    static Devnet devnet(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(DEVNET, key -> Devnet.start(), Devnet.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Devnet.class || type == Web3j.class || type == Credentials.class
                || type == DevnetAddresses.class || type == EigenLayerDevnet.class || type == LidoDevnet.class
                || type == EtherFiDevnet.class || type == RocketPoolDevnet.class || type == SymbioticDevnet.class
                || type == KarakDevnet.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Devnet devnet = devnet(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == Devnet.class) {
            return devnet;
        }
        if (type == Web3j.class) {
            return devnet.web3j();
        }
        if (type == DevnetAddresses.class) {
            return devnet.addresses();
        }
        if (type == EigenLayerDevnet.class) {
            return devnet.eigenLayer();
        }
        if (type == LidoDevnet.class) {
            return devnet.lido();
        }
        if (type == EtherFiDevnet.class) {
            return devnet.etherFi();
        }
        if (type == RocketPoolDevnet.class) {
            return devnet.rocketPool();
        }
        if (type == SymbioticDevnet.class) {
            return devnet.symbiotic();
        }
        if (type == KarakDevnet.class) {
            return devnet.karak();
        }
        if (type == Credentials.class) {
            int index = parameter.findAnnotation(Account.class).map(Account::value).orElse(0);
            try {
                return devnet.account(index);
            } catch (IllegalArgumentException e) {
                throw new ParameterResolutionException(e.getMessage(), e);
            }
        }
        throw new ParameterResolutionException("unsupported parameter type " + type);
    }
}
