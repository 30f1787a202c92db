#!/usr/bin/env bash
# Makes the weight-level parity fixtures of the parity tests (io.seqrec.parity) with the
# reference RecBole beside the project (../shared/reference/recbole, see its README; set it
# up once with its setup.sh). Run from the project root:
#   shared-model/src/test/resources/parity/make-fixtures.sh [MODEL]
# Each .npz holds RecBole's weights after one training epoch on ml-100k, its first test
# batch with RecBole's full-sort scores, and its first training batch with the loss RecBole
# computes on it with dropout 0. Dumps are deterministic for the same settings and seed.
set -euo pipefail
cd "$(dirname "$0")"
trap 'rm -rf log' EXIT  # RecBole writes its run log to ./log
R=../../../../../../shared/reference/recbole
D=../../../../../../shared/datasets
PY=/usr/bin/python3
# small sizes keep each fixture well under 1 MB
SMALL="--MAX_ITEM_LIST_LENGTH=10 --eval_batch_size=8 --train_batch_size=256 --train_epochs=1"
NEG="--train_neg_sample_args={'distribution': 'uniform', 'sample_num': 1}"
model="${1:-all}"
# RecBole logs into ./log
trap 'rm -rf log' EXIT

if [[ "$model" == all || "$model" == SASRec ]]; then
  TRM="--hidden_size=16 --inner_size=32 --n_layers=2 --n_heads=2 --hidden_dropout_prob=0 --attn_dropout_prob=0"
  $PY $R/dump.py SASRec ml-100k $D sasrec-ce.npz $SMALL $TRM
  $PY $R/dump.py SASRec ml-100k $D sasrec-bpr.npz $SMALL $TRM --loss_type=BPR "$NEG"
fi

if [[ "$model" == all || "$model" == SINE ]]; then
  # k = 3 of P = 10 prototypes; CE and NLL need no negatives, BPR takes them from the loader;
  # the NLL fixture also holds the gradients (CE's plus the regulariser's)
  SINE="--embedding_size=16 --prototype_size=10 --interest_size=3"
  $PY $R/dump.py SINE ml-100k $D sine-ce.npz $SMALL $SINE
  $PY ./dump-with-gradients.py SINE ml-100k $D sine-nll.npz $SMALL $SINE --loss_type=NLL
  $PY $R/dump.py SINE ml-100k $D sine-bpr.npz $SMALL $SINE --loss_type=BPR "$NEG"
fi

if [[ "$model" == all || "$model" == FEARec ]]; then
  TRM="--hidden_size=16 --inner_size=32 --n_layers=2 --n_heads=2 --hidden_dropout_prob=0 --attn_dropout_prob=0"
  # RecBole's defaults: frequency branch only, every bin, no contrastive term
  $PY $R/dump.py FEARec ml-100k $D fearec-default.npz $SMALL $TRM
  # odd L: the correlation has L - 1 delays (RecBole's irfft default length)
  $PY $R/dump.py FEARec ml-100k $D fearec-odd.npz ${SMALL/LENGTH=10/LENGTH=9} $TRM
  # the authors' architecture (ramp bands, band-limited time branch mixed in), no contrast:
  # its training loss is deterministic
  ARCH="--global_ratio=0.6 --dual_domain=True --spatial_ratio=0.1 --std=True"
  $PY $R/dump.py FEARec ml-100k $D fearec-authors-ce.npz $SMALL $TRM $ARCH
  # the authors' setting, trained with its us_x contrast (same-target rows drawn at random,
  # so only the scores are compared)
  $PY $R/dump.py FEARec ml-100k $D fearec-authors.npz $SMALL $TRM $ARCH --contrast=us_x --tau=1 --sim=dot
fi

if [[ "$model" == all || "$model" == BERT4Rec ]]; then
  TRM="--hidden_size=16 --inner_size=32 --n_layers=2 --n_heads=2 --hidden_dropout_prob=0 --attn_dropout_prob=0"
  $PY $R/dump.py BERT4Rec ml-100k $D bert4rec-ce.npz $SMALL $TRM
  $PY $R/dump.py BERT4Rec ml-100k $D bert4rec-bpr.npz $SMALL $TRM --loss_type=BPR "$NEG"
  # initial weights and L = 100: test histories shorter than L, where the prediction input
  # still drops the oldest item
  $PY $R/dump.py BERT4Rec ml-100k $D bert4rec-short.npz --MAX_ITEM_LIST_LENGTH=100 --eval_batch_size=8 \
    --train_batch_size=16 $TRM
fi
