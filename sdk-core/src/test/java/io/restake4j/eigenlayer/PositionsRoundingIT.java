package io.restake4j.eigenlayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.contracts.eigenlayer.AllocationManager;
import io.restake4j.contracts.eigenlayer.DelegationManager;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EigenLayerDevnet;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * Positions under a partially slashed operator: a deposit made after the slash shows a gap of a few
 * shares between deposit and withdrawable shares (the deposit scaling factor is rounded down), which is
 * not reported as slashing; a staker who was slashed sees the exact figure.
 */
@DevnetTest
class PositionsRoundingIT {

    private static final BigInteger WAD = EigenLayerDevnet.WAD;

    @Test
    void roundingDustIsNotSlashingAndARealSlashShowsItsExactFigure(Devnet devnet, @Account(5) Credentials bob,
            @Account(6) Credentials carol, @Account(7) Credentials operator, @Account(8) Credentials avs) throws Exception {
        EigenLayerDevnet fixtures = devnet.eigenLayer();
        String strategy = fixtures.stETHStrategy();
        Token stEth = Token.erc20(fixtures.stETH(), "stETH", 18);
        fixtures.registerOperator(operator, null);
        fixtures.stakeStETHFor(bob.getAddress(), WAD.multiply(BigInteger.valueOf(200)));
        fixtures.stakeStETHFor(carol.getAddress(), WAD.multiply(BigInteger.valueOf(2000)));
        try (Restaking b = DevnetClients.client(devnet, bob); Restaking c = DevnetClients.client(devnet, carol)) {
            b.eigenLayer().deposit(Amount.parse("100", stEth)).send();
            b.eigenLayer().delegateTo(operator.getAddress()).send();

            fixtures.slashOperator(avs, operator, strategy, WAD.divide(BigInteger.valueOf(3)));  // a third, rounding-rich
            BigInteger magnitude = AllocationManager.load(fixtures.allocationManager(), devnet.web3j(),
                    devnet.transactionManager(devnet.deployer()), devnet.gasProvider())
                    .call_getMaxMagnitude(operator.getAddress(), strategy).send();
            assertTrue(magnitude.compareTo(WAD) < 0 && magnitude.signum() > 0, "partially slashed: " + magnitude);

            // bob deposited at full magnitude (dsf = 1e18): the slash took depositShares - mulWad(depositShares, m), exactly
            Position slashed = b.eigenLayer().positions().in(strategy).orElseThrow();
            BigInteger exact = slashed.depositShares().value().subtract(slashed.depositShares().value().multiply(magnitude).divide(WAD));
            assertEquals(WAD, dsf(devnet, fixtures, bob.getAddress(), strategy));
            assertEquals(exact, slashed.slashedShares().value(), "a real slash shows its exact figure");
            assertEquals(slashed.depositShares().value().subtract(slashed.withdrawableShares().value()), slashed.slashedShares().value());

            // carol delegates to the slashed operator, then deposits: nothing is slashed after her deposit
            c.eigenLayer().delegateTo(operator.getAddress()).send();
            c.eigenLayer().deposit(Amount.parse("1234.567890123456789", stEth)).send();
            Position fresh = c.eigenLayer().positions().in(strategy).orElseThrow();
            BigInteger gap = fresh.depositShares().value().subtract(fresh.withdrawableShares().value());
            assertTrue(gap.signum() > 0, "the chain's rounding leaves a gap of a few shares: " + gap);
            BigInteger carolDsf = dsf(devnet, fixtures, carol.getAddress(), strategy);
            assertTrue(gap.compareTo(SlashedShares.roundingBound(fresh.depositShares().value(), carolDsf)) <= 0,
                    "within the rounding bound: " + gap);
            System.out.println("ROUNDING after a 1/3 slash (max magnitude " + magnitude + "): deposit shares "
                    + fresh.depositShares().value() + ", withdrawable " + fresh.withdrawableShares().value() + ", gap " + gap + " (bound "
                    + SlashedShares.roundingBound(fresh.depositShares().value(), carolDsf) + "), reported slashed " + fresh.slashedShares().value()
                    + "; bob's slash " + exact);
            assertEquals(BigInteger.ZERO, fresh.slashedShares().value(), "rounding dust is not slashing");
            assertFalse(fresh.isSlashed());

            // bob deposits again under the slashed operator: his slash stays reported, dust included at most
            b.eigenLayer().deposit(Amount.parse("10", stEth)).send();
            Position again = b.eigenLayer().positions().in(strategy).orElseThrow();
            BigInteger bound = SlashedShares.roundingBound(again.depositShares().value(), dsf(devnet, fixtures, bob.getAddress(), strategy));
            assertTrue(again.slashedShares().value().compareTo(exact) >= 0
                    && again.slashedShares().value().compareTo(exact.add(bound)) <= 0,
                    "slashed " + again.slashedShares().value() + " within [" + exact + ", " + exact.add(bound) + "]");
        }
    }

    private static BigInteger dsf(Devnet devnet, EigenLayerDevnet fixtures, String staker, String strategy) throws Exception {
        return DelegationManager.load(fixtures.delegationManager(), devnet.web3j(), devnet.transactionManager(devnet.deployer()),
                devnet.gasProvider()).call_depositScalingFactor(staker, strategy).send();
    }
}
