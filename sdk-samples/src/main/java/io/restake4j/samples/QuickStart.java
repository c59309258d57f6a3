package io.restake4j.samples;

import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.eigenlayer.DepositResult;
import io.restake4j.network.Network;
import io.restake4j.signer.Signer;
import io.restake4j.tx.Operation;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * The README's quick start, as printed there: a first EigenLayer deposit on the embedded devnet, from a
 * {@code main} program. The lines between the {@code quick-start} markers are the README's block; a unit
 * test ({@code QuickStartReadmeTest}) fails when the two differ.
 *
 * <pre>{@code
 * mvn -B -ntp -Psample -DskipTests verify -Dsample.main=io.restake4j.samples.QuickStart
 * }</pre>
 */
public final class QuickStart {

    private QuickStart() {
    }

    public static void main(String[] args) {
        // quick-start:begin
        try (Devnet devnet = Devnet.start()) {                          // anvil and the fixtures, on a free port
            Credentials alice = devnet.account(0);                        // a funded test account
            try (Restaking client = Restaking.builder()
                    .rpc(devnet.rpcUrl())
                    .network(Network.of("devnet", devnet.chainId(), devnet.addresses().asMap()))
                    .signer(Signer.of(alice))
                    .build()) {
                Token stEth = client.tokens().token(devnet.eigenLayer().stETH());
                devnet.eigenLayer().stakeStETHFor(alice.getAddress(), Amount.parse("100", stEth).wei());
                Operation<DepositResult> deposit = client.eigenLayer().deposit(Amount.parse("10", stEth));
                System.out.println(deposit.preview());                    // simulated; nothing signed yet
                DepositResult result = deposit.send();                    // approve, then depositIntoStrategy
                System.out.println("deposited " + result.amount() + " for " + result.shares());
            }
        }
        // quick-start:end
    }
}
