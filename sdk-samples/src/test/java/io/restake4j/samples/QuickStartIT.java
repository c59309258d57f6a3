package io.restake4j.samples;

// quick-start-test:begin
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EigenLayerDevnet;
import io.restake4j.eigenlayer.DepositResult;
import io.restake4j.network.Network;
import io.restake4j.signer.Signer;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

@DevnetTest
class QuickStartIT {

    @Test
    void depositsIntoEigenLayer(Devnet devnet, EigenLayerDevnet eigenLayer, @Account(1) Credentials bob) {
        try (Restaking client = Restaking.builder()
                .rpc(devnet.rpcUrl())
                .network(Network.of("devnet", devnet.chainId(), devnet.addresses().asMap()))
                .signer(Signer.of(bob))
                .build()) {
            Token stEth = client.tokens().token(eigenLayer.stETH());
            eigenLayer.stakeStETHFor(bob.getAddress(), Amount.parse("100", stEth).wei());

            DepositResult result = client.eigenLayer().deposit(Amount.parse("10", stEth)).send();

            assertEquals(Amount.parse("10", stEth), result.amount());
            assertEquals(Amount.parse("90", stEth), client.tokens().balance(stEth, bob.getAddress()));
        }   // the extension reverts the chain after each test: the next one starts from the same state
    }
}
// quick-start-test:end
