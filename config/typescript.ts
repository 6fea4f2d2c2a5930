export default { autogenerate: false };
