namespace RedisOnMySql.Commands.Strings; class X{}
