/**
 * The department an officer must be registered under to decide a service's applications and revoke its certificates:
 * officers are registered by the department's name as certificates of version 1 printed it ("Revenue Department"
 * for `revenue.*`). Documents now print the catalog's department name, so the key is kept here, apart from what
 * is printed, until officers are registered by the catalog's department id.
 */
export function officerDepartmentOf(serviceId: string): string {
  const department = serviceId.split('.')[0] ?? serviceId;
  const words = department
    .split('-')
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1));
  return `${words.join(' ')} Department`;
}
