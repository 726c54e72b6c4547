"""Week 4's self-checks: the worked answers pass, and typical slips get a hint that helps."""

from __future__ import annotations

import pytest
import torch

import ee4414
from ee4414 import course_numbers as cn
from ee4414.selfcheck import check
from ee4414.selfcheck import week3 as week3_checks
from ee4414.selfcheck import week4 as week4_checks
from ee4414.selfcheck.registry import expectations
from ee4414.selfcheck.week4 import EXPECTATIONS as WEEK4

X = torch.tensor(cn.W4_X)
X2 = torch.tensor(cn.W4_X2)
NUMBERS = cn.W4_NEURONS


class Linear(torch.nn.Module):
    """The neuron of W4-1.1, built from given numbers."""

    def __init__(self, w0, w1, b):
        super().__init__()
        self.w = torch.nn.Parameter(torch.tensor([[w0], [w1]]))
        self.b = torch.nn.Parameter(torch.tensor([[b]]))

    def forward(self, x):
        return self.w.T @ x + self.b


def relu(y_hat):
    return torch.maximum(y_hat, torch.zeros_like(y_hat))


class TwoLayerNN(torch.nn.Module):
    """W4-1.4's network; ``dim``, ``activation`` and ``numbers`` switch on the usual slips."""

    def __init__(self, *, dim=-2, activation=relu, numbers=None):
        super().__init__()
        numbers = NUMBERS if numbers is None else numbers
        self.layer0_0 = Linear(*numbers["layer0_0"])
        self.layer0_1 = Linear(*numbers["layer0_1"])
        self.layer1 = Linear(*numbers["layer1"])
        self.dim, self.activation = dim, activation

    def forward(self, x):
        z_0 = self.activation(self.layer0_0(x))
        z_1 = self.activation(self.layer0_1(x))
        return self.layer1(torch.cat([z_0, z_1], dim=self.dim))


def the_hint(result):
    assert not result.ok
    return result.hints[0]


def test_every_week4_exercise_has_a_self_check():
    assert set(WEEK4) == {"W4-1.1", "W4-1.2", "W4-1.3", "W4-1.4", "W4-1.5", "W4-1.6"}
    assert all(expectations()[ex] is WEEK4[ex] for ex in WEEK4)


# W4-1.1: three neurons


def w4_1_1_answer(numbers=NUMBERS, neuron=Linear):
    layers = {name: neuron(*values) for name, values in numbers.items()}
    return {
        **layers,
        "y_hat0_0": layers["layer0_0"](X),
        "y_hat0_1": layers["layer0_1"](X),
        "y_hat1": layers["layer1"](X),
    }


def test_w4_1_1_a_scalar_bias_and_a_row_weight_are_fine_too():
    class RowNeuron(torch.nn.Module):
        def __init__(self, w0, w1, b):
            super().__init__()
            self.w = torch.nn.Parameter(torch.tensor([[w0, w1]]))  # (1, 2)
            self.b = torch.nn.Parameter(torch.tensor(b))  # 0-d, as in week 2

        def forward(self, x):
            return self.w @ x + self.b

    assert check("W4-1.1", **w4_1_1_answer(neuron=RowNeuron)).ok


def test_w4_1_1_the_numbers_of_the_course_answer_code_point_at_the_note(capsys):
    numbers = {**NUMBERS, "layer0_1": (-1.0, -0.1, -0.2), "layer1": (-0.5, -0.4, -0.2)}
    result = check("W4-1.1", **w4_1_1_answer(numbers))
    assert result.hints[:2] == [
        "layer0_1: holds the numbers of the course's answer code, which differ from the "
        "exercise statement's (see the note at the top of the page)",
        "layer1: holds the numbers of the course's answer code, which differ from the "
        "exercise statement's (see the note at the top of the page)",
    ]
    assert result.hints[2].startswith("y_hat0_1: 1 of 1 entries differ")
    assert "-0.3" not in capsys.readouterr().out  # the hints do not give the outputs away


def test_w4_1_1_a_wrong_bias_and_swapped_weights():
    numbers = {**NUMBERS, "layer0_0": (0.8, -0.5, -0.5), "layer1": (-0.4, -0.5, -0.8)}
    result = check("W4-1.1", **w4_1_1_answer(numbers))
    assert result.hints[:2] == [
        "layer0_0: the weights are right, but the bias is not the exercise's",
        "layer1: the two weights are swapped: the first one multiplies x0",
    ]
    numbers = {**NUMBERS, "layer0_1": (0.3, 0.1, -0.2)}
    assert the_hint(check("W4-1.1", **w4_1_1_answer(numbers))) == (
        "layer0_1: the weights differ from the ones the exercise gives this neuron"
    )


def test_w4_1_1_a_neuron_with_an_activation_inside():
    class ReluNeuron(Linear):
        def forward(self, x):
            return torch.relu(super().forward(x))

    assert the_hint(check("W4-1.1", **w4_1_1_answer(neuron=ReluNeuron))) == (
        "layer0_0: layer0_0(x) should be exactly wᵀx + b, with no activation"
    )


def test_w4_1_1_shapes_numbers_and_plain_functions():
    class ItemNeuron(Linear):
        def forward(self, x):
            return super().forward(x).item()

    answer = w4_1_1_answer(neuron=ItemNeuron)
    result = check("W4-1.1", **answer)
    assert result.hints[0] == "layer0_0: layer0_0(x) should return a 1×1 tensor for a 2×1 column x"
    assert result.hints[3].startswith("y_hat0_0 is a float")

    class FlatNeuron(Linear):
        def forward(self, x):
            return super().forward(x).flatten()

    answer = w4_1_1_answer(neuron=FlatNeuron)
    assert the_hint(check("W4-1.1", **answer)).endswith(
        "should return a 1×1 tensor for a 2×1 column x"
    )

    answer = w4_1_1_answer()
    answer["layer0_0"] = lambda x: torch.tensor([[0.8, -0.5]]) @ x + 0.5
    assert the_hint(check("W4-1.1", **answer)) == (
        "layer0_0: should be an instance of your Linear class (a torch.nn.Module)"
    )


# W4-1.2: the ReLU


def w4_1_2_answer(fn=relu):
    y_hat0_0, y_hat0_1 = Linear(*NUMBERS["layer0_0"])(X), Linear(*NUMBERS["layer0_1"])(X)
    return {"relu": fn, "z_0": fn(y_hat0_0), "z_1": fn(y_hat0_1)}


@pytest.mark.parametrize(
    "fn",
    [
        lambda y_hat: torch.clamp(y_hat, min=0.0),
        torch.relu,
        lambda y_hat: y_hat * (y_hat > 0),
        lambda y_hat: torch.where(y_hat > 0, y_hat, 0.0),
    ],
    ids=["clamp", "torch.relu", "mask", "where"],
)
def test_w4_1_2_other_correct_relus_pass(fn):
    # the example's torch.maximum is checked by test_example_answers.py
    assert check("W4-1.2", **w4_1_2_answer(fn)).ok


def test_w4_1_2_an_in_place_relu_changes_its_input():
    def relu_in_place(y_hat):
        y_hat[y_hat < 0] = 0.0
        return y_hat

    answer = w4_1_2_answer(relu)
    answer["relu"] = relu_in_place
    assert the_hint(check("W4-1.2", **answer)) == (
        "relu: relu(y_hat) should return a new tensor and leave y_hat itself unchanged"
    )


def test_w4_1_2_python_max_and_a_detached_result():
    def relu_item(y_hat):
        return torch.tensor(max(0.0, y_hat.item()))

    answer = w4_1_2_answer(relu_item)
    assert the_hint(check("W4-1.2", **answer)).startswith("relu(<tensor (5,)>) raised RuntimeError")

    def relu_detached(y_hat):
        return y_hat.detach().clamp(min=0.0)

    assert the_hint(check("W4-1.2", **w4_1_2_answer(relu_detached))).startswith(
        "relu: autograd cannot differentiate relu's output with respect to its input"
    )


def test_w4_1_2_the_wrong_side_of_zero_and_a_forgotten_relu():
    def relu_wrong_side(y_hat):
        return torch.minimum(y_hat, torch.zeros_like(y_hat))

    result = check("W4-1.2", **w4_1_2_answer(relu_wrong_side))
    assert result.hints[0] == "relu(<tensor (1, 1)>) gives a different result than expected"

    answer = w4_1_2_answer()
    answer["z_1"] = Linear(*NUMBERS["layer0_1"])(X)  # the neuron's output, not its ReLU
    assert the_hint(check("W4-1.2", **answer)).startswith("z_1: 1 of 1 entries differ")


# W4-1.3: the concatenation


def w4_1_3_answer(join=lambda a, b: torch.cat([a, b], dim=-2)):
    z_0 = relu(Linear(*NUMBERS["layer0_0"])(X))
    z_1 = relu(Linear(*NUMBERS["layer0_1"])(X))
    z = join(z_0, z_1)
    return {"z": z, "y_hat": Linear(*NUMBERS["layer1"])(z)}


def test_w4_1_3_concat_is_the_same_function():
    assert check("W4-1.3", **w4_1_3_answer(lambda a, b: torch.concat([a, b], dim=-2))).ok


@pytest.mark.parametrize(
    "join",
    [lambda a, b: torch.cat([a, b], dim=0), lambda a, b: torch.vstack([a, b])],
    ids=["cat-dim-0", "vstack"],
)
def test_w4_1_3_a_dimension_counted_from_the_front(join):
    answer = w4_1_3_answer(join)
    assert the_hint(check("W4-1.3", **answer)) == (
        "z: concatenate along a dimension counted from the end (a negative dim), so that the "
        "same line still works when batch dimensions come in front"
    )


def test_w4_1_3_stack_and_the_last_dimension_give_the_wrong_shape():
    answer = {"z": torch.stack([torch.tensor([[0.69]]), torch.tensor([[0.0]])], dim=-2)}
    answer["y_hat"] = torch.tensor([[-1.145]])
    assert the_hint(check("W4-1.3", **answer)) == (
        "z has shape (1, 2, 1), but the exercise asks for a 2×1 column of shape (2, 1) "
        "(the right number of entries, arranged differently)"
    )
    z_0, z_1 = torch.tensor([[0.69]], requires_grad=True), torch.tensor([[0.0]])
    answer["z"] = torch.cat([z_0, z_1], dim=-1)
    assert the_hint(check("W4-1.3", **answer)).endswith(
        "(the same numbers transposed: swap the dimensions)"
    )


def test_w4_1_3_a_new_tensor_cuts_the_graph():
    def rebuild(a, b):
        return torch.tensor([[a.item()], [b.item()]])

    assert the_hint(check("W4-1.3", **w4_1_3_answer(rebuild))).startswith(
        "z: build z from z_0 and z_1 with torch.cat, so that autograd can still follow it"
    )


def test_w4_1_3_the_wrong_neuron_on_z():
    answer = w4_1_3_answer()
    answer["y_hat"] = Linear(*NUMBERS["layer0_0"])(answer["z"])
    assert the_hint(check("W4-1.3", **answer)).startswith("y_hat: 1 of 1 entries differ")


# W4-1.4: the module and the batches


def w4_1_4_answer(cls=TwoLayerNN):
    model = cls()
    x = torch.stack([X, X2], dim=0)
    x_batches = x.unsqueeze(0)
    return {
        "TwoLayerNN": cls,
        "x": x,
        "y_hat": model(x),
        "x_batches": x_batches,
        "y_hat_batches": model(x_batches),
    }


def test_w4_1_4_the_library_network_passes_as_well():
    layers = [
        ee4414.Linear(2, 2, w=cn.W4_HIDDEN_W, b=cn.W4_HIDDEN_B),
        ee4414.Linear(2, 1, w=[-0.5, -0.4], b=-0.8),
    ]
    assert check("W4-1.4", **w4_1_4_answer(lambda: ee4414.MLP.from_layers(layers))).ok


def test_w4_1_4_a_class_that_needs_arguments():
    class Needs(TwoLayerNN):
        def __init__(self, numbers):
            super().__init__(numbers=numbers)

    answer = w4_1_4_answer()
    answer["TwoLayerNN"] = Needs
    assert the_hint(check("W4-1.4", **answer)).startswith("TwoLayerNN() raised TypeError")


def test_w4_1_4_neurons_in_a_plain_list_are_not_registered():
    class Unregistered(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.neurons = [Linear(*values) for values in NUMBERS.values()]

        def forward(self, x):
            a, b, out = self.neurons
            return out(torch.cat([relu(a(x)), relu(b(x))], dim=-2))

    assert the_hint(check("W4-1.4", **w4_1_4_answer(Unregistered))).startswith(
        "TwoLayerNN: the network should hold 9 parameters"
    )


def test_w4_1_4_a_dimension_counted_from_the_front_breaks_the_batches():
    answer = w4_1_4_answer()
    answer["TwoLayerNN"] = lambda: TwoLayerNN(dim=0)
    assert the_hint(check("W4-1.4", **answer)) == (
        "TwoLayerNN: on a batch of shape (4, 2, 1), forward raised RuntimeError; count the "
        "concatenation's dimension from the end"
    )
    answer["TwoLayerNN"] = lambda: TwoLayerNN(dim=1)
    assert the_hint(check("W4-1.4", **answer)).startswith(
        "TwoLayerNN: on one column of shape (2, 1), forward raised RuntimeError"
    )


def test_w4_1_4_a_forgotten_relu_and_other_numbers():
    answer = w4_1_4_answer()
    answer["TwoLayerNN"] = lambda: TwoLayerNN(activation=lambda t: t)
    assert the_hint(check("W4-1.4", **answer)) == (
        "TwoLayerNN: the hidden outputs should pass through the ReLU before layer1"
    )
    numbers = {**NUMBERS, "layer1": (-0.5, -0.4, -0.2)}
    answer["TwoLayerNN"] = lambda: TwoLayerNN(numbers=numbers)
    assert the_hint(check("W4-1.4", **answer)).startswith(
        "TwoLayerNN: the outputs differ from those of the exercise's network"
    )


def test_w4_1_4_a_batch_built_the_wrong_way():
    result = check("W4-1.4", **{**w4_1_4_answer(), "x": torch.cat([X, X2])})
    assert result.hints[0].startswith(
        "x has shape (4, 1), but the exercise asks for a batch of the two 2×1 inputs of shape "
        "(2, 2, 1)"
    )
    result = check("W4-1.4", **{**w4_1_4_answer(), "x": torch.stack([X, X2], dim=1)})
    assert result.hints[0] == (
        "x: x[0] should be the first input column and x[1] the second: stack them along a new "
        "leading dimension"
    )


def test_w4_1_4_unsqueeze_in_the_wrong_place():
    answer = w4_1_4_answer()
    answer["x_batches"] = answer["x"].unsqueeze(1)
    answer["y_hat_batches"] = TwoLayerNN()(answer["x_batches"])
    result = check("W4-1.4", **answer)
    assert result.hints[0].startswith("x_batches has shape (2, 1, 2, 1), but the exercise asks")
    assert result.hints[1].startswith("y_hat_batches has shape (2, 1, 1, 1)")


# W4-1.5: training on XOR


class RandomLinear(torch.nn.Module):
    """W4-1.5's neuron, started from U(-0.2, 0.2)."""

    def __init__(self, generator):
        super().__init__()
        self.w = torch.nn.Parameter(
            torch.nn.init.uniform_(torch.empty(2, 1), -0.2, 0.2, generator=generator)
        )
        self.b = torch.nn.Parameter(
            torch.nn.init.uniform_(torch.empty(1, 1), -0.2, 0.2, generator=generator)
        )

    def forward(self, x):
        return self.w.T @ x + self.b


class RandomTwoLayerNN(torch.nn.Module):
    """W4-1.5's and W4-1.6's network, with the activation passed in."""

    def __init__(self, activation=torch.relu, generator=None):
        super().__init__()
        generator = torch.Generator().manual_seed(732) if generator is None else generator
        self.activation = activation
        self.layer0_0 = RandomLinear(generator)
        self.layer0_1 = RandomLinear(generator)
        self.layer1 = RandomLinear(generator)

    def forward(self, x):
        z = torch.cat([self.activation(self.layer0_0(x)), self.activation(self.layer0_1(x))], -2)
        return self.layer1(z)


def mse(y_hat, y):
    return torch.mean((y_hat - y) ** 2)


def make_train(*, zero_grad=True, sign=1.0, record_after=False, item=True, loss_fn=mse):
    """The loop of W4-1.5, with switches for the usual slips."""

    def train(model, x, y, lr, epochs):
        losses = []
        for _ in range(epochs):
            loss = loss_fn(model(x), y)
            if not record_after:
                losses.append(loss.item() if item else loss)
            if zero_grad:
                model.zero_grad()
            loss.backward()
            with torch.no_grad():
                for p in model.parameters():
                    p -= sign * lr * p.grad
            if record_after:
                losses.append(loss_fn(model(x), y).item())
        return losses

    return train


XOR_X, XOR_C = ee4414.xor()


def w4_1_5_answer(train=None, seed=732, epochs=300):
    train = make_train() if train is None else train
    model = RandomTwoLayerNN(generator=torch.Generator().manual_seed(seed))
    losses = train(model, XOR_X, XOR_C, 0.1, epochs)
    return {"mse": mse, "train": train, "losses": losses, "model": model}


def test_w4_1_5_zeroing_the_gradients_after_the_update_is_fine_too():
    def train(model, x, y, lr, epochs):
        losses = []
        for _ in range(epochs):
            loss = mse(model(x), y)
            loss.backward()
            with torch.no_grad():
                for p in model.parameters():
                    p -= lr * p.grad
                    p.grad.zero_()
            losses.append(loss.item())
        return losses

    assert check("W4-1.5", **w4_1_5_answer(train)).ok


def test_w4_1_5_a_summed_loss_and_a_plain_number():
    def sse(y_hat, y):
        return ((y_hat - y) ** 2).sum()

    answer = w4_1_5_answer()
    answer["mse"] = sse
    assert the_hint(check("W4-1.5", **answer)) == (
        "mse(<tensor (4, 1, 1)>, <tensor (4, 1, 1)>) gives a different result than expected"
    )
    answer["mse"] = lambda y_hat, y: mse(y_hat, y).item()
    assert the_hint(check("W4-1.5", **answer)).startswith(
        "mse(<tensor (1, 1)>, <tensor (1, 1)>) returns a float, not a tensor; it should return "
        "a tensor that autograd can differentiate"
    )


def test_w4_1_5_gradients_that_pile_up():
    train = make_train(zero_grad=False)
    answer = {**w4_1_5_answer(), "train": train}
    assert the_hint(check("W4-1.5", **answer)).startswith(
        "train: the gradients pile up from epoch to epoch"
    )


def test_w4_1_5_a_step_uphill_and_an_update_that_does_nothing():
    answer = {**w4_1_5_answer(), "train": make_train(sign=-1.0)}
    assert the_hint(check("W4-1.5", **answer)) == (
        "train: the parameters move up the gradient; the update should go down"
    )

    def train_out_of_place(model, x, y, lr, epochs):
        losses = []
        for _ in range(epochs):
            loss = mse(model(x), y)
            model.zero_grad()
            loss.backward()
            for p in model.parameters():
                p = p - lr * p.grad  # a new tensor; the model keeps its own
            losses.append(loss.item())
        return losses

    result = check("W4-1.5", **w4_1_5_answer(train_out_of_place))
    assert result.hints[0].startswith("train: the model's parameters did not change")
    assert result.hints[1].startswith("losses: the loss should fall during training")
    assert result.hints[2].startswith("model: after training, the signs of model(x)")


def test_w4_1_5_losses_recorded_after_the_update_or_as_tensors():
    result = check("W4-1.5", **w4_1_5_answer(make_train(record_after=True)))
    assert result.hints == [
        "train: should return one loss per epoch, the mean squared error computed before that "
        "epoch's update"
    ]
    result = check("W4-1.5", **w4_1_5_answer(make_train(item=False)))
    assert result.hints[0].startswith("losses: store each loss as a Python number")


def test_w4_1_5_too_few_epochs_and_an_untrained_model():
    answer = w4_1_5_answer(epochs=299)
    assert the_hint(check("W4-1.5", **answer)) == (
        "losses: record one loss per epoch, 300 values in all"
    )
    answer = w4_1_5_answer()
    answer["model"] = RandomTwoLayerNN()
    assert the_hint(check("W4-1.5", **answer)).startswith(
        "model: after training, the signs of model(x) should match all four XOR labels"
    )


def test_w4_1_5_a_start_that_gets_stuck_fails_the_properties():
    result = check("W4-1.5", **w4_1_5_answer(seed=0))
    assert [hint.split(":")[0] for hint in result.hints] == ["losses", "model"]


# W4-1.6: other activations, another loss


def hinge(y_hat, c):
    return torch.clamp(1 - c * y_hat, min=0.0).mean()


VARIANTS = {
    "ReLU, MSE": (torch.relu, "mse"),
    "sigmoid, MSE": (torch.sigmoid, "mse"),
    "tanh, MSE": (torch.tanh, "mse"),
    "ReLU, hinge": (torch.relu, "hinge"),
}


@pytest.fixture(scope="module")
def trained():
    """The four versions of W4-1.6, trained as the example trains them (a few seconds)."""
    models, histories = {}, {}
    for name, (activation, loss) in VARIANTS.items():
        model = RandomTwoLayerNN(activation, torch.Generator().manual_seed(732))
        trainer = ee4414.Trainer(model, loss=loss, lr=0.3, device="cpu")
        histories[name] = trainer.fit(XOR_X, XOR_C, 1000)
        models[name] = model
    return models, histories


def w4_1_6_answer(trained, cls=RandomTwoLayerNN, loss=hinge):
    models, histories = trained
    return {
        "TwoLayerNNAnyActivation": cls,
        "hinge": loss,
        "models": dict(models),
        "histories": dict(histories),
    }


def test_w4_1_6_lists_of_losses_and_a_single_version_pass(trained):
    answer = w4_1_6_answer(trained)
    answer["models"] = {"tanh": answer["models"]["tanh, MSE"]}
    answer["histories"] = {"tanh": answer["histories"]["tanh, MSE"].losses}
    assert check("W4-1.6", **answer).ok


def test_w4_1_6_an_activation_that_is_not_used(trained):
    class AlwaysRelu(RandomTwoLayerNN):
        def forward(self, x):
            z = torch.cat([torch.relu(self.layer0_0(x)), torch.relu(self.layer0_1(x))], -2)
            return self.layer1(z)

    assert the_hint(check("W4-1.6", **w4_1_6_answer(trained, AlwaysRelu))).startswith(
        "TwoLayerNNAnyActivation: the network should apply the activation passed in"
    )


def test_w4_1_6_a_generator_that_is_not_used(trained):
    class GlobalRandom(RandomTwoLayerNN):
        def __init__(self, activation, generator):
            super().__init__(
                activation, torch.Generator().manual_seed(int(torch.randint(99, ()).item()))
            )

    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        hint = the_hint(check("W4-1.6", **w4_1_6_answer(trained, GlobalRandom)))
    assert hint.startswith(
        "TwoLayerNNAnyActivation: two networks built from generators with the same seed"
    )


def test_w4_1_6_other_names_and_other_starting_ranges(trained):
    class Renamed(torch.nn.Module):
        def __init__(self, activation, generator):
            super().__init__()
            self.activation = activation
            self.hidden_a, self.hidden_b, self.out = (RandomLinear(generator) for _ in range(3))

        def forward(self, x):
            z = torch.cat(
                [self.activation(self.hidden_a(x)), self.activation(self.hidden_b(x))], -2
            )
            return self.out(z)

    assert the_hint(check("W4-1.6", **w4_1_6_answer(trained, Renamed))).startswith(
        "TwoLayerNNAnyActivation: keep W4-1.5's names for the three neurons"
    )

    class Wide(RandomTwoLayerNN):
        def __init__(self, activation, generator):
            super().__init__(activation, generator)
            with torch.no_grad():
                for p in self.parameters():
                    p.mul_(10)

    assert the_hint(check("W4-1.6", **w4_1_6_answer(trained, Wide))) == (
        "TwoLayerNNAnyActivation: every weight and bias should start in [-0.2, 0.2], as in W4-1.5"
    )


def test_w4_1_6_a_summed_hinge_and_python_max(trained):
    def hinge_sum(y_hat, c):
        return torch.clamp(1 - c * y_hat, min=0.0).sum()

    assert the_hint(check("W4-1.6", **w4_1_6_answer(trained, loss=hinge_sum))).startswith(
        "hinge(<tensor (4, 1, 1)>, <tensor (4, 1, 1)>) gives a different result"
    )

    def hinge_max(y_hat, c):
        return max(0.0, 1 - c * y_hat)  # a plain 0.0 beyond the margin

    assert the_hint(check("W4-1.6", **w4_1_6_answer(trained, loss=hinge_max))).startswith(
        "hinge(<tensor (1, 1)>, <tensor (1, 1)>) returns a float, not a tensor; it should "
        "return a tensor that autograd can differentiate"
    )


def test_w4_1_6_an_untrained_version_is_named(trained):
    answer = w4_1_6_answer(trained)
    answer["models"]["tanh, MSE"] = RandomTwoLayerNN(torch.tanh)
    assert the_hint(check("W4-1.6", **answer)).startswith(
        "models: the version 'tanh, MSE' does not classify all four XOR points correctly"
    )
    answer["models"] = [RandomTwoLayerNN()]
    assert the_hint(check("W4-1.6", **answer)) == (
        "models: should be a dict that maps each version's name to its trained network"
    )


def test_w4_1_6_histories_of_the_wrong_length_or_that_do_not_fall(trained):
    answer = w4_1_6_answer(trained)
    answer["histories"]["sigmoid, MSE"] = answer["histories"]["sigmoid, MSE"].losses[:300]
    assert the_hint(check("W4-1.6", **answer)) == (
        "histories: the entry for 'sigmoid, MSE' should hold one loss per epoch (1000 epochs)"
    )
    answer["histories"]["sigmoid, MSE"] = [1.0] * 1000
    assert the_hint(check("W4-1.6", **answer)).startswith(
        "histories: in the run of 'sigmoid, MSE' the loss does not fall well below"
    )


# The self-checks use the library's relu, mse and hinge as references; on every case they
# are tried on, those agree with the formulas the exercises state.


@pytest.mark.parametrize("case", week4_checks._RELU_CASES, ids=lambda c: str(tuple(c[0].shape)))
def test_the_library_relu_is_the_exercise_formula(case):
    (y_hat,) = case
    assert torch.equal(ee4414.relu(y_hat), torch.clamp(y_hat, min=0.0))


@pytest.mark.parametrize("case", week4_checks._MSE_CASES, ids=lambda c: str(tuple(c[0].shape)))
def test_the_library_mse_is_the_exercise_formula(case):
    y_hat, y = case
    torch.testing.assert_close(ee4414.mse(y_hat, y), ((y_hat - y) ** 2).mean())


@pytest.mark.parametrize(
    "case",
    [*week4_checks._HINGE_CASES, *week4_checks._HINGE_BATCHES, *week3_checks._HINGE_CASES],
    ids=lambda c: str(tuple(c[0].shape)),
)
def test_the_library_hinge_is_the_exercise_formula(case):
    y_hat, c = case
    torch.testing.assert_close(ee4414.hinge(y_hat, c), torch.clamp(1 - c * y_hat, min=0.0).mean())
