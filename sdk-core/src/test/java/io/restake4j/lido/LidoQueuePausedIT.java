package io.restake4j.lido;

import static io.restake4j.testing.DevnetAccounts.fresh;
import static io.restake4j.testing.DevnetAccounts.nonce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.LidoDevnet;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/** A withdrawal request while the queue is paused (the real queue's pauseFor) is refused before signing, by error name. */
@DevnetTest
class LidoQueuePausedIT {

    @Test
    void requestWhileTheQueueIsPausedIsRefusedBeforeSigningWithResumedExpected(Devnet devnet, LidoDevnet fixture)
            throws Exception {
        Credentials alice = fresh(devnet, 131, 10);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            Lido lido = client.lido();
            lido.stake(Amount.parse("2", Token.ETH)).send();
            fixture.pauseWithdrawalQueueFor(BigInteger.valueOf(3600));
            try {
                BigInteger before = nonce(devnet, alice);
                RuntimeException e = assertThrows(RuntimeException.class,
                        () -> lido.withdrawals().request(Amount.parse("1", lido.stETH())).send());
                assertTrue(String.valueOf(e.getMessage()).contains("ResumedExpected"), e.toString());
                assertEquals(before, nonce(devnet, alice), "nothing signed: " + e);
            } finally {
                fixture.resumeWithdrawalQueue();
            }
            assertEquals(1, lido.withdrawals().request(Amount.parse("1", lido.stETH())).send().requestIds().size());
        }
    }
}
