package io.restake4j.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.signer.Signer;
import io.restake4j.testing.DevnetAccounts;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/** With {@code io.restake4j.tx.Operation} at DEBUG, each stage of an operation is one log line; keys never show. */
@DevnetTest
class OperationLoggingIT {

    @Test
    void eachStageIsOneDebugLine(Devnet devnet) throws Exception {
        Logger stages = (Logger) LoggerFactory.getLogger("io.restake4j.tx.Operation");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Level before = stages.getLevel();
        stages.setLevel(Level.DEBUG);
        stages.addAppender(lines);
        Credentials staker = DevnetAccounts.fresh(devnet, 3001, 10);
        try (Restaking client = DevnetClients.builder(devnet).rpc(devnet.rpcUrl()).signer(Signer.of(staker)).build()) {
            client.lido().stake(Amount.parse("1", Token.ETH)).send();
            try {
                client.lido().stake(Amount.parse("100", Token.ETH)).send();
            } catch (InvalidInputException expected) {
                // refused: logged too
            }
        } finally {
            stages.detachAppender(lines);
            stages.setLevel(before);
        }
        List<String> text = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(lines.list.stream().allMatch(e -> e.getLevel() == Level.DEBUG), text.toString());
        for (String stage : List.of("planned", "SIMULATED", "SIGNED", "SENT", "MINED", "CONFIRMED", "FAILED")) {
            assertTrue(text.stream().anyMatch(l -> l.contains(stage)), stage + " missing in " + text);
        }
        assertEquals(1, text.stream().filter(l -> l.contains("SIGNED")).count(), "only the first stake was signed: " + text);
        String key = staker.getEcKeyPair().getPrivateKey().toString(16);
        assertFalse(text.stream().anyMatch(l -> l.contains(key)), "no key in the log");
    }
}
