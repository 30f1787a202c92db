/**
 * The model store on an S3-compatible object store (AWS SDK v2): versions uploaded
 * immutably with the manifest last, the registry replaced by compare-and-swap on its
 * ETag, artifacts downloaded to a local cache and verified before they are used.
 */
@NullMarked
package io.seqrec.artifact.s3;

import org.jspecify.annotations.NullMarked;
