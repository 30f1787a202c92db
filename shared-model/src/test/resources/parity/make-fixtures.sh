#!/usr/bin/env bash
# Makes the weight-level parity fixtures of the parity tests (io.seqrec.parity) with the
# reference RecBole beside the project (../shared/reference/recbole, see its README; set it
# up once with its setup.sh). Run from the project root:
#   shared-model/src/test/resources/parity/make-fixtures.sh [MODEL]
# Each .npz holds RecBole's weights after one training epoch on ml-100k, its first test
# batch with RecBole's full-sort scores, and its first training batch with the loss RecBole
# computes on it with dropout 0. Dumps are deterministic for the same settings and seed.
# RecBole writes its log under ./log: delete it, it is not a fixture.
set -euo pipefail
cd "$(dirname "$0")"
R=../../../../../../shared/reference/recbole
D=../../../../../../shared/datasets
PY=/usr/bin/python3
# small sizes keep each fixture well under 1 MB
SMALL="--MAX_ITEM_LIST_LENGTH=10 --eval_batch_size=8 --train_batch_size=256 --train_epochs=1"
NEG="--train_neg_sample_args={'distribution': 'uniform', 'sample_num': 1}"
model="${1:-all}"

if [[ "$model" == all || "$model" == SASRec ]]; then
  TRM="--hidden_size=16 --inner_size=32 --n_layers=2 --n_heads=2 --hidden_dropout_prob=0 --attn_dropout_prob=0"
  $PY $R/dump.py SASRec ml-100k $D sasrec-ce.npz $SMALL $TRM
  $PY $R/dump.py SASRec ml-100k $D sasrec-bpr.npz $SMALL $TRM --loss_type=BPR "$NEG"
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
rm -rf log
