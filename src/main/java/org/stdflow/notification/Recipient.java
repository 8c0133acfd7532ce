package org.stdflow.notification;

/**
 * A person to notify.
 *
 * @param userId Camunda user id
 * @param name display name in reading order (赵敏); the id when the user has no name
 * @param email null when the user has none
 */
record Recipient(String userId, String name, String email) {
}
